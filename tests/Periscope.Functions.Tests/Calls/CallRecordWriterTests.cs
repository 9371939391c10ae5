using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Periscope.Functions.Calls;
using Periscope.Functions.Tests.Calls.Doubles;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Calls;

public sealed class CallRecordWriterTests : IDisposable
{
    private readonly MetricsProbe _probe = new();

    [Fact]
    public async Task ExecuteAsync_TwelveQueued_WritesBatchesOfBatchSize()
    {
        var (recorder, store, writer) = Create(new CallRecordsOptions { BatchSize = 5, FlushInterval = TimeSpan.FromMilliseconds(50) });
        for (var i = 0; i < 12; i++)
        {
            recorder.Record(CallSamples.Record(secondsAfterStart: i));
        }

        await writer.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => store.Calls.Count == 12, "all twelve records are written");
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal([5, 5, 2], store.BatchSizes);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => CallSamples.Start.AddSeconds(i)), store.Calls.Select(call => call.Time));
    }

    [Fact]
    public async Task ExecuteAsync_FewerThanBatchSize_WritesThemTogetherWithinFlushInterval()
    {
        var (recorder, store, writer) = Create(new CallRecordsOptions { BatchSize = 500, FlushInterval = TimeSpan.FromMilliseconds(200) });
        await writer.StartAsync(CancellationToken.None);

        recorder.Record(CallSamples.Record());
        recorder.Record(CallSamples.Record());
        recorder.Record(CallSamples.Record());
        await Eventually.TrueAsync(() => store.Calls.Count == 3, "the three records are written");
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal([3], store.BatchSizes);
    }

    [Fact]
    public async Task ExecuteAsync_BatchFillsWithinTheWindow_WrittenBeforeTheWindowCloses()
    {
        var (recorder, store, writer) = Create(new CallRecordsOptions { BatchSize = 5, FlushInterval = TimeSpan.FromSeconds(20) });
        await writer.StartAsync(CancellationToken.None);

        for (var i = 0; i < 5; i++)
        {
            recorder.Record(CallSamples.Record(secondsAfterStart: i));
        }

        // Eventually gives up after 10 s, half the window: the writer saw the batch full at one of its looks
        // (every 2 s here), not at the window's end.
        await Eventually.TrueAsync(() => store.Calls.Count == 5, "the full batch is written before its window closes");
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal([5], store.BatchSizes);
    }

    [Fact]
    public async Task ExecuteAsync_StoreFails_DropsAndCountsTheBatchAndGoesOn()
    {
        var (recorder, store, writer) = Create(new CallRecordsOptions { BatchSize = 2, FlushInterval = TimeSpan.FromMilliseconds(20) });
        store.FailuresLeft = 1;
        recorder.Record(CallSamples.Record());
        recorder.Record(CallSamples.Record());
        await writer.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _probe.Value("periscope_call_records_dropped_total{reason=\"store_error\"}") == 2, "the failed batch is counted");

        recorder.Record(CallSamples.Record(appId: "after"));
        await Eventually.TrueAsync(() => store.Calls.Count == 1, "the next batch is written");
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal("after", store.Calls.Single().AppId);
        Assert.Equal(1, _probe.Value("periscope_call_records_written_total"));
    }

    [Fact]
    public async Task StopAsync_RecordsStillQueued_WritesThemAndRefusesNewOnes()
    {
        var (recorder, store, writer) = Create(new CallRecordsOptions { BatchSize = 2, FlushInterval = TimeSpan.FromMilliseconds(20) });
        store.Hold = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await writer.StartAsync(CancellationToken.None);
        recorder.Record(CallSamples.Record());
        await store.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 5; i++)
        {
            recorder.Record(CallSamples.Record());
        }

        var stopping = writer.StopAsync(CancellationToken.None);
        store.Hold.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        recorder.Record(CallSamples.Record());

        Assert.Equal(6, store.Calls.Count);
        Assert.Equal(1, _probe.Value("periscope_call_records_dropped_total{reason=\"queue_full\"}"));
    }

    public void Dispose() => _probe.Dispose();

    private (CallRecorder Recorder, RecordingCallStore Store, CallRecordWriter Writer) Create(CallRecordsOptions settings)
    {
        var options = Options.Create(settings);
        var recorder = new CallRecorder(options, _probe.Metrics);
        var store = new RecordingCallStore();
        var writer = new CallRecordWriter(
            recorder, store, new CallRecordRedactor(options), _probe.Metrics, options, TimeProvider.System, NullLogger<CallRecordWriter>.Instance);
        return (recorder, store, writer);
    }
}
