namespace Periscope.Functions.Alerts;

/// <summary>
/// One state change of an alert: <c>firing</c> (at its startsAt), <c>resolved</c> (at its endsAt) or
/// <c>acknowledged</c> (by <see cref="By"/>); <see cref="RecordedAt"/> is when Periscope learned of it.
/// </summary>
internal sealed record AlertHistoryEntry(long Id, string State, DateTimeOffset Time, DateTimeOffset RecordedAt, string? By, string? Comment);
