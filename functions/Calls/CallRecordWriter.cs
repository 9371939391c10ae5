using Microsoft.Extensions.Options;

namespace Periscope.Functions.Calls;

/// <summary>
/// Writes queued call records in batches, off the request path.
/// </summary>
/// <remarks>
/// 1. Wait for a record, then take up to <see cref="CallRecordsOptions.BatchSize"/>, or whatever arrives
///    within <see cref="CallRecordsOptions.FlushInterval"/> of the first, whichever comes first. The open window
///    looks at the queue every tenth of its length rather than taking a continuation for each record that
///    arrives, which was a thread-pool work item per gateway call.
/// 2. Redact them and insert them in one transaction.
/// 3. When the store fails, log, count the batch as dropped and go on: retrying would hold records in
///    memory without bound while the queue fills behind them.
/// 4. At shutdown, close the queue and write what is left. The server has stopped taking calls by then:
///    hosted services registered by the app start before the server and so stop after it
///    (dotnet/aspnetcore#36122).
/// </remarks>
internal sealed partial class CallRecordWriter(
    CallRecorder recorder,
    ICallStore store,
    CallRecordRedactor redactor,
    CallRecordMetrics metrics,
    IOptions<CallRecordsOptions> options,
    TimeProvider clock,
    ILogger<CallRecordWriter> logger) : BackgroundService
{
    private readonly int _batchSize = options.Value.BatchSize;
    private readonly TimeSpan _flushInterval = options.Value.FlushInterval;

    /// <summary>How often an open window looks whether the batch is full: a tenth of it, at least 10 ms.</summary>
    private readonly TimeSpan _lookAgain = TimeSpan.FromTicks(Math.Max(options.Value.FlushInterval.Ticks / 10, TimeSpan.FromMilliseconds(10).Ticks));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CallRecord>(_batchSize);
        try
        {
            // 1.
            while (await recorder.WaitToTakeAsync(stoppingToken))
            {
                var opened = clock.GetTimestamp();
                while (recorder.Count < _batchSize)
                {
                    var left = _flushInterval - clock.GetElapsedTime(opened);
                    if (left <= TimeSpan.Zero)
                    {
                        break;
                    }

                    await Task.Delay(left < _lookAgain ? left : _lookAgain, clock, stoppingToken);
                }

                while (batch.Count < _batchSize && recorder.TryTake(out var record))
                {
                    batch.Add(record);
                }

                await WriteAsync(batch, CancellationToken.None);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // 4.
        recorder.Complete();
        while (recorder.TryTake(out var record))
        {
            batch.Add(record);
            if (batch.Count == _batchSize)
            {
                await WriteAsync(batch, CancellationToken.None);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await WriteAsync(batch, CancellationToken.None);
        }
    }

    // 2. and 3.
    private async Task WriteAsync(List<CallRecord> batch, CancellationToken cancellationToken)
    {
        try
        {
            var stored = batch.Select(redactor.Redact).ToList();
            await store.InsertAsync(stored, cancellationToken);
            metrics.Written(stored.Count);
        }
        catch (Exception exception)
        {
            metrics.Dropped(batch.Count, CallRecordMetrics.StoreError);
            LogBatchDropped(logger, exception, batch.Count);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Dropped a batch of {Count} call records: the store failed to write it")]
    private static partial void LogBatchDropped(ILogger logger, Exception exception, int count);
}
