namespace Periscope.Functions.Calls;

/// <summary>A record's place in the newest-first order.</summary>
internal sealed record CallPosition(DateTimeOffset Time, long Id);
