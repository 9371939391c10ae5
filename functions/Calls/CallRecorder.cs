using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Periscope.Functions.Calls;

/// <summary>
/// The bounded queue between the gateway and <see cref="CallRecordWriter"/>. A full queue drops the record
/// being written (<see cref="BoundedChannelFullMode.DropWrite"/>) and counts it: the call has already been
/// answered, and holding it up to save its record would turn a slow store into slow calls.
/// </summary>
internal sealed class CallRecorder : ICallRecorder
{
    private readonly Channel<CallRecord> _queue;
    private readonly CallRecordMetrics _metrics;
    private readonly BodyCaptureRules _capture;
    private readonly bool _enabled;
    private readonly int _maxBodyBytes;

    public CallRecorder(IOptions<CallRecordsOptions> options, CallRecordMetrics metrics)
    {
        var settings = options.Value;
        _metrics = metrics;
        _enabled = settings.Enabled;
        _maxBodyBytes = settings.MaxBodyBytes;
        _capture = new BodyCaptureRules(settings.CaptureBodies);
        _queue = Channel.CreateBounded<CallRecord>(
            new BoundedChannelOptions(settings.QueueCapacity)
            {
                FullMode = BoundedChannelFullMode.DropWrite,
                SingleReader = true,
                SingleWriter = false,
            },
            // Called instead of queueing when the queue is full; TryWrite still answers true in the drop modes.
            _ => metrics.Dropped(1, CallRecordMetrics.QueueFull));
        metrics.ObserveQueueLength(() => _queue.Reader.Count);
    }

    /// <summary>What the writer drains.</summary>
    public ChannelReader<CallRecord> Reader => _queue.Reader;

    public void Record(CallRecord record)
    {
        if (!_enabled || record is null)
        {
            return;
        }

        if (!_queue.Writer.TryWrite(record))
        {
            // Only after Complete(), at shutdown, once the server has stopped taking calls.
            _metrics.Dropped(1, CallRecordMetrics.QueueFull);
        }
    }

    public int BodyCaptureLimit(string @namespace, string appId) =>
        _enabled && _capture.Captures(@namespace, appId) ? _maxBodyBytes : 0;

    /// <summary>No more records: the writer drains what is queued and stops.</summary>
    public void Complete() => _queue.Writer.TryComplete();
}
