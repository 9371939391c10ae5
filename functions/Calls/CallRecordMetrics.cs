using System.Diagnostics.Metrics;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Calls;

/// <summary>
/// The call records' own metrics, on the host's meter (<see cref="FunctionMetrics.MeterName"/>). On <c>/metrics</c>:
/// <c>periscope_call_records_written_total</c>, <c>periscope_call_records_dropped_total{reason="queue_full"|"store_error"}</c>,
/// <c>periscope_call_records_deleted_total</c> and the gauges <c>periscope_call_records_queue_length</c> and
/// <c>periscope_call_records_queue_bytes</c>.
/// </summary>
internal sealed class CallRecordMetrics
{
    public const string QueueFull = "queue_full";
    public const string StoreError = "store_error";

    private readonly Meter _meter;
    private readonly Counter<long> _written;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _deleted;

    public CallRecordMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(FunctionMetrics.MeterName);
        _written = _meter.CreateCounter<long>("periscope.call_records.written", "{record}", "Call records stored.");
        _dropped = _meter.CreateCounter<long>(
            "periscope.call_records.dropped", "{record}", "Call records lost: the queue was full, or the store failed to write their batch.");
        _deleted = _meter.CreateCounter<long>("periscope.call_records.deleted", "{record}", "Call records deleted by retention (age or count).");

        // Every series from the start, at 0: a rate() over a series that appears only with its first drop
        // misses that drop (prometheus.io/docs/practices/instrumentation/#avoid-missing-metrics).
        Written(0);
        Dropped(0, QueueFull);
        Dropped(0, StoreError);
        Deleted(0);
    }

    /// <summary>Publishes the queue's length as a gauge; called once by the queue's owner.</summary>
    public void ObserveQueueLength(Func<int> length) =>
        _meter.CreateObservableGauge("periscope.call_records.queue.length", length, "{record}", "Call records waiting to be written.");

    /// <summary>Publishes the bytes the queue holds (<see cref="CallRecord.ApproximateBytes"/>) as a gauge; called once by the queue's owner.</summary>
    public void ObserveQueueBytes(Func<long> bytes) =>
        _meter.CreateObservableGauge("periscope.call_records.queue.bytes", bytes, "By", "Memory the call records waiting to be written hold, approximately.");

    public void Written(int count) => _written.Add(count);

    public void Dropped(int count, string reason) => _dropped.Add(count, new KeyValuePair<string, object?>("reason", reason));

    public void Deleted(int count) => _deleted.Add(count);
}
