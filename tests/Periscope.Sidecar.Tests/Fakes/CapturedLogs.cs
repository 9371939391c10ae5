namespace Periscope.Sidecar.Tests.Fakes;

/// <summary>A logger provider that records every message, so a test can wait for a given event id.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    public Recording<LogEntry> Entries { get; } = new();

    public Task<LogEntry> WaitForAsync(int eventId, TimeSpan? timeout = null) =>
        Entries.WaitForAsync(entry => entry.EventId.Id == eventId, $"log event {eventId}", timeout: timeout);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, Recording<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception)));
    }
}
