namespace Periscope.Functions.Monitoring;

/// <summary>An instant answer: the evaluation time (RFC 3339; pass it back as <c>time</c> to ask Prometheus the same) and the items.</summary>
internal sealed record InstantList<T>(DateTimeOffset Time, IReadOnlyList<T> Items);
