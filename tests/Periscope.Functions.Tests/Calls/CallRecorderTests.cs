using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Periscope.Functions.Calls;
using Periscope.Functions.Tests.Calls.Doubles;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Calls;

public sealed class CallRecorderTests : IDisposable
{
    private const string QueueFull = "periscope_call_records_dropped_total{reason=\"queue_full\"}";
    private const string QueueBytes = "periscope_call_records_queue_bytes";

    private readonly MetricsProbe _probe = new();

    [Fact]
    public async Task Record_QueueFullWhileWriterIsHeld_DropsAndCountsWithoutBlocking()
    {
        var (recorder, store, writer) = await StartHeldWriterAsync(new CallRecordsOptions { QueueCapacity = 10 });
        using var _ = writer;

        // The writer is stuck in the store with the first record; the queue takes 10 more and drops the rest.
        var recording = Task.Run(() =>
        {
            for (var i = 0; i < 15; i++)
            {
                recorder.Record(CallSamples.Record(secondsAfterStart: i));
            }
        });
        await recording.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(5, _probe.Value(QueueFull));
        Assert.Equal(10, _probe.Value("periscope_call_records_queue_length"));
        store.Hold!.SetResult();
        await Eventually.TrueAsync(() => store.Calls.Count == 11, "the held record and the ten queued ones are written");
        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(11, _probe.Value("periscope_call_records_written_total"));
    }

    [Fact]
    public async Task Record_QueueOverItsByteLimit_DropsAndCountsThenTakesMoreOnceWritten()
    {
        const long limit = 1 << 20;
        var (recorder, store, writer) = await StartHeldWriterAsync(new CallRecordsOptions { QueueMaxBytes = limit });
        using var _ = writer;
        var body = new string('x', CallRecordsOptions.MaxBodyBytesCap);
        var large = CallSamples.WithBodies(body, body);
        var fitting = (int)(limit / large.ApproximateBytes());

        // The writer is stuck in the store with the first record; the queue takes what fits in 1 MiB (far fewer
        // than its 10,000 records) and drops the rest.
        for (var i = 0; i < fitting + 3; i++)
        {
            recorder.Record(large);
        }

        Assert.InRange(fitting, 5, 10);
        Assert.Equal(3, _probe.Value(QueueFull));
        Assert.Equal(fitting, _probe.Value("periscope_call_records_queue_length"));
        Assert.Equal(fitting * large.ApproximateBytes(), _probe.Value(QueueBytes));
        store.Hold!.SetResult();
        await Eventually.TrueAsync(() => store.Calls.Count == fitting + 1, "the held record and the queued ones are written");
        Assert.Equal(0, _probe.Value(QueueBytes));

        recorder.Record(large);
        await Eventually.TrueAsync(() => store.Calls.Count == fitting + 2, "a record that fits again is written");
        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(3, _probe.Value(QueueFull));
    }

    [Fact]
    public void Record_DroppedForCount_GivesBackItsBytes()
    {
        var recorder = new CallRecorder(Options.Create(new CallRecordsOptions { QueueCapacity = 2 }), _probe.Metrics);
        var record = CallSamples.Record();

        for (var i = 0; i < 5; i++)
        {
            recorder.Record(record);
        }

        Assert.Equal(3, _probe.Value(QueueFull));
        Assert.Equal(2 * record.ApproximateBytes(), _probe.Value(QueueBytes));
        Assert.True(recorder.TryTake(out _) && recorder.TryTake(out _) && !recorder.TryTake(out _));
        Assert.Equal(0, _probe.Value(QueueBytes));
    }

    [Fact]
    public void ApproximateBytes_CountsBodiesAndHeaders()
    {
        var bare = CallSamples.Record();
        var captured = CallSamples.WithBodies("abc", "de", headers: ("accept", "application/json"));

        Assert.Equal(3 + 2 + 64 + (2 * ("accept".Length + "application/json".Length)), captured.ApproximateBytes() - bare.ApproximateBytes());
    }

    [Fact]
    public void Record_Disabled_QueuesNothing()
    {
        var recorder = new CallRecorder(Options.Create(new CallRecordsOptions { Enabled = false, QueueCapacity = 1 }), _probe.Metrics);

        recorder.Record(CallSamples.Record());
        recorder.Record(CallSamples.Record());

        Assert.Equal(0, recorder.Count);
        Assert.Equal(0, _probe.Value(QueueFull));
    }

    [Theory]
    [InlineData("default", "orders", 4096)]
    [InlineData("shop", "anything", 4096)]
    [InlineData("default", "billing", 0)]
    [InlineData("other", "orders", 0)]
    public void BodyCaptureLimit_ByCaptureBodiesEntries_IsMaxBodyBytesOrZero(string @namespace, string appId, int expected)
    {
        var recorder = new CallRecorder(Options.Create(new CallRecordsOptions { CaptureBodies = ["default/orders", "shop/*"] }), _probe.Metrics);

        Assert.Equal(expected, recorder.BodyCaptureLimit(@namespace, appId));
    }

    [Fact]
    public void BodyCaptureLimit_NothingConfigured_IsZero()
    {
        var recorder = new CallRecorder(Options.Create(new CallRecordsOptions()), _probe.Metrics);

        Assert.Equal(0, recorder.BodyCaptureLimit("default", "orders"));
    }

    public void Dispose() => _probe.Dispose();

    /// <summary>A running writer (one record per batch) stuck in the store with a first record, until the test completes <see cref="RecordingCallStore.Hold"/>.</summary>
    private async Task<(CallRecorder Recorder, RecordingCallStore Store, CallRecordWriter Writer)> StartHeldWriterAsync(CallRecordsOptions settings)
    {
        var options = Options.Create(settings with { BatchSize = 1, FlushInterval = TimeSpan.FromMilliseconds(10) });
        var recorder = new CallRecorder(options, _probe.Metrics);
        var store = new RecordingCallStore { Hold = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        var writer = new CallRecordWriter(
            recorder, store, new CallRecordRedactor(options), _probe.Metrics, options, TimeProvider.System, NullLogger<CallRecordWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        recorder.Record(CallSamples.Record());
        await store.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return (recorder, store, writer);
    }
}
