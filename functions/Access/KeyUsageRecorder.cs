using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Periscope.Functions.Access;

/// <summary>
/// Writes API keys' <c>last_used_at</c> off the request path: a request only queues the time, at most once
/// per <see cref="Interval"/> per key in this process, and a background loop writes what is queued in one
/// transaction. A full queue drops the update, never the request; the next use after the interval retries.
/// </summary>
internal sealed partial class KeyUsageRecorder(IKeyStore store, TimeProvider clock, ILogger<KeyUsageRecorder> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private const int BatchSize = 256;

    private readonly Channel<KeyValuePair<string, DateTimeOffset>> _queue = Channel.CreateBounded<KeyValuePair<string, DateTimeOffset>>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastQueued = new(StringComparer.Ordinal);

    /// <summary>Notes a use of key <paramref name="keyId"/> now; true when it was queued for writing, false when coalesced.</summary>
    public bool Touch(string keyId)
    {
        var now = clock.GetUtcNow();
        while (true)
        {
            if (_lastQueued.TryGetValue(keyId, out var last))
            {
                if (now - last < Interval)
                {
                    return false;
                }

                if (!_lastQueued.TryUpdate(keyId, now, last))
                {
                    continue;
                }
            }
            else if (!_lastQueued.TryAdd(keyId, now))
            {
                continue;
            }

            return _queue.Writer.TryWrite(new(keyId, now));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteQueuedAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // What was queued before the host stopped is still written.
        await WriteQueuedAsync();
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (batch.Count < BatchSize && _queue.Reader.TryRead(out var use))
        {
            batch[use.Key] = use.Value;
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await store.RecordUseAsync(batch, CancellationToken.None);
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
        {
            // last_used_at is informational: losing one update must not stop the loop or the host.
            LogWriteFailed(logger, batch.Count, exception);
        }
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Could not record last use of {Count} API keys")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);
}
