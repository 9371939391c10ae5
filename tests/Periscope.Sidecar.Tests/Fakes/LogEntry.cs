namespace Periscope.Sidecar.Tests.Fakes;

internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message)
{
    public override string ToString() => $"{Level} {EventId.Id} {Message}";
}
