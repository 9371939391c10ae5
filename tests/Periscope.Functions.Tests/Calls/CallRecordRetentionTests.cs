using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Periscope.Functions.Calls;
using Periscope.Functions.Store;
using Periscope.Functions.Tests.Calls.Doubles;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Calls;

public sealed class CallRecordRetentionTests : IDisposable
{
    private readonly CallStoreFixture _fixture = new();
    private readonly MetricsProbe _probe = new();
    private readonly FakeTimeProvider _clock = new(CallSamples.Start.AddDays(10));

    [Fact]
    public async Task RunOnceAsync_RecordsOlderThanMaxAge_AreDeleted()
    {
        var day = TimeSpan.FromDays(1).TotalSeconds;
        await _fixture.Store.InsertAsync(
            [CallSamples.Stored(secondsAfterStart: 0), CallSamples.Stored(secondsAfterStart: 2.9 * day), CallSamples.Stored(secondsAfterStart: 3.1 * day), CallSamples.Stored(secondsAfterStart: 9.9 * day)],
            CancellationToken.None);
        using var retention = Retention(new CallRecordsOptions { MaxAge = TimeSpan.FromDays(7) });

        var deleted = await retention.RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Equal([CallSamples.Start.AddSeconds(9.9 * day), CallSamples.Start.AddSeconds(3.1 * day)], await TimesAsync());
        Assert.Equal(2, _probe.Value("periscope_call_records_deleted_total"));
    }

    [Fact]
    public async Task RunOnceAsync_MoreThanMaxCount_KeepsTheNewestInChunks()
    {
        var count = (2 * CallRecordRetention.ChunkSize) + 503;
        await _fixture.Store.InsertAsync(Enumerable.Range(0, count).Select(i => CallSamples.Stored(secondsAfterStart: i)).ToList(), CancellationToken.None);
        using var retention = Retention(new CallRecordsOptions { MaxCount = 3, MaxAge = TimeSpan.FromDays(3650) });

        var deleted = await retention.RunOnceAsync(CancellationToken.None);

        Assert.Equal(count - 3, deleted);
        Assert.Equal([CallSamples.Start.AddSeconds(count - 1), CallSamples.Start.AddSeconds(count - 2), CallSamples.Start.AddSeconds(count - 3)], await TimesAsync());
        Assert.Equal(0, await retention.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ExecuteAsync_Started_RunsOnceStraightAway()
    {
        await _fixture.Store.InsertAsync([CallSamples.Stored(secondsAfterStart: 0), CallSamples.Stored(secondsAfterStart: 9.5 * 86_400)], CancellationToken.None);
        using var retention = Retention(new CallRecordsOptions { MaxAge = TimeSpan.FromDays(1), RetentionInterval = TimeSpan.FromHours(1) });

        await retention.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => (await TimesAsync()).Count == 1, "the old record is deleted at start");
        await retention.StopAsync(CancellationToken.None);

        Assert.Equal([CallSamples.Start.AddSeconds(9.5 * 86_400)], await TimesAsync());
    }

    public void Dispose()
    {
        _probe.Dispose();
        _fixture.Dispose();
    }

    private CallRecordRetention Retention(CallRecordsOptions options) =>
        new(_fixture.Store, _probe.Metrics, Options.Create(options), _clock, NullLogger<CallRecordRetention>.Instance);

    private async Task<List<DateTimeOffset>> TimesAsync() =>
        (await _fixture.Store.ListAsync(new CallQuery(new PageRequest(1000, null)), CancellationToken.None)).Items.Select(call => call.Time).ToList();
}
