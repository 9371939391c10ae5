namespace Periscope.Functions.Alerts;

/// <summary>What one payload changed: the alerts whose state changed (new, resolved, firing again), with their ids; and how many were repeats.</summary>
internal sealed record AlertIngestResult(IReadOnlyList<(long Id, ReceivedAlert Alert)> Changed, int Unchanged);
