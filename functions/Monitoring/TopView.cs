namespace Periscope.Functions.Monitoring;

/// <summary>The top <c>n</c> at one time, largest first; <see cref="Unit"/> is ratio, cores, bytes, bytes_per_second or restarts.</summary>
internal sealed record TopView(string Target, string Metric, string Unit, DateTimeOffset Time, IReadOnlyList<TopItem> Items);
