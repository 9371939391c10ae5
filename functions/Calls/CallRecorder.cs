using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Periscope.Functions.Calls;

/// <summary>
/// The bounded queue between the gateway and <see cref="CallRecordWriter"/>, bounded both by count
/// (<see cref="CallRecordsOptions.QueueCapacity"/>) and by the memory its records hold
/// (<see cref="CallRecordsOptions.QueueMaxBytes"/>). A full queue drops the record being written
/// (<see cref="BoundedChannelFullMode.DropWrite"/>) and counts it: the call has already been answered, and holding
/// it up to save its record would turn a slow store into slow calls.
/// </summary>
internal sealed class CallRecorder : ICallRecorder
{
    private readonly Channel<CallRecord> _queue;
    private readonly CallRecordMetrics _metrics;
    private readonly BodyCaptureRules _capture;
    private readonly bool _enabled;
    private readonly int _maxBodyBytes;
    private readonly long _maxQueuedBytes;
    private long _queuedBytes;

    public CallRecorder(IOptions<CallRecordsOptions> options, CallRecordMetrics metrics)
    {
        var settings = options.Value;
        _metrics = metrics;
        _enabled = settings.Enabled;
        _maxBodyBytes = settings.MaxBodyBytes;
        _maxQueuedBytes = settings.QueueMaxBytes;
        _capture = new BodyCaptureRules(settings.CaptureBodies);
        _queue = Channel.CreateBounded<CallRecord>(
            new BoundedChannelOptions(settings.QueueCapacity)
            {
                FullMode = BoundedChannelFullMode.DropWrite,
                SingleReader = true,
                SingleWriter = false,
            },
            // Called instead of queueing when the queue is full; TryWrite still answers true in the drop modes.
            dropped =>
            {
                Interlocked.Add(ref _queuedBytes, -dropped.ApproximateBytes());
                metrics.Dropped(1, CallRecordMetrics.QueueFull);
            });
        metrics.ObserveQueueLength(() => _queue.Reader.Count);
        metrics.ObserveQueueBytes(() => Volatile.Read(ref _queuedBytes));
    }

    /// <summary>Records waiting.</summary>
    public int Count => _queue.Reader.Count;

    public void Record(CallRecord record)
    {
        if (!_enabled || record is null)
        {
            return;
        }

        var bytes = record.ApproximateBytes();
        if (Interlocked.Add(ref _queuedBytes, bytes) > _maxQueuedBytes)
        {
            Interlocked.Add(ref _queuedBytes, -bytes);
            _metrics.Dropped(1, CallRecordMetrics.QueueFull);
            return;
        }

        if (!_queue.Writer.TryWrite(record))
        {
            // Only after Complete(), at shutdown, once the server has stopped taking calls.
            Interlocked.Add(ref _queuedBytes, -bytes);
            _metrics.Dropped(1, CallRecordMetrics.QueueFull);
        }
    }

    /// <summary>Takes the next waiting record, if any, and gives back the bytes it held.</summary>
    public bool TryTake(out CallRecord record)
    {
        if (!_queue.Reader.TryRead(out record!))
        {
            return false;
        }

        Interlocked.Add(ref _queuedBytes, -record.ApproximateBytes());
        return true;
    }

    /// <summary>Waits until a record is waiting (true) or the queue is complete and empty (false).</summary>
    public ValueTask<bool> WaitToTakeAsync(CancellationToken cancellationToken) => _queue.Reader.WaitToReadAsync(cancellationToken);

    public int BodyCaptureLimit(string @namespace, string appId) =>
        _enabled && _capture.Captures(@namespace, appId) ? _maxBodyBytes : 0;

    /// <summary>No more records: the writer drains what is queued and stops.</summary>
    public void Complete() => _queue.Writer.TryComplete();
}
