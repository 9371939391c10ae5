using Periscope.Catalog.Contracts;
using Periscope.Sidecar.Traffic;

namespace Periscope.Sidecar.Tests.Traffic;

public sealed class TrafficBatchesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_NoTraffic_ReturnsNull() =>
        Assert.Null(new TrafficBatches(new TrafficRecorder(10)).Next(Now));

    [Fact]
    public void Next_Unacknowledged_ReturnsTheSameSummaryUnchanged()
    {
        var recorder = new TrafficRecorder(10);
        var batches = new TrafficBatches(recorder);
        recorder.Record("GET", "/a", 200, TimeSpan.Zero, 0, 0);
        var first = batches.Next(Now)!;
        recorder.Record("GET", "/a", 200, TimeSpan.Zero, 0, 0);

        var again = batches.Next(Now.AddSeconds(10));
        Assert.Same(first, again);
        Assert.Equal((batches.Instance, 1L), (first.Instance, first.Sequence));
        Assert.Equal(1, first.Operations!.Single().Requests!["2xx"]);
    }

    [Fact]
    public void Acknowledge_Current_NextCutsWhatCameMeanwhileWithNextSequence()
    {
        var recorder = new TrafficRecorder(10);
        var batches = new TrafficBatches(recorder);
        recorder.Record("GET", "/a", 200, TimeSpan.Zero, 0, 0);
        var first = batches.Next(Now)!;
        recorder.Record("GET", "/a", 200, TimeSpan.Zero, 0, 0);
        recorder.Record("GET", "/a", 200, TimeSpan.Zero, 0, 0);

        batches.Acknowledge(first.Sequence);
        var second = batches.Next(Now.AddSeconds(10))!;

        Assert.Equal(2, second.Sequence);
        Assert.Equal(2, second.Operations!.Single().Requests!["2xx"]);
        batches.Acknowledge(second.Sequence);
        Assert.Null(batches.Next(Now.AddSeconds(20)));
    }

    [Fact]
    public void Acknowledge_StaleSequence_ChangesNothing()
    {
        var recorder = new TrafficRecorder(10);
        var batches = new TrafficBatches(recorder);
        recorder.Record("GET", "/a", 200, TimeSpan.Zero, 0, 0);
        var first = batches.Next(Now)!;

        batches.Acknowledge(first.Sequence + 1);
        batches.Acknowledge(0);

        Assert.Same(first, batches.Next(Now));
    }

    [Fact]
    public void Instance_IsRandom32LowercaseHexDigits()
    {
        var one = new TrafficBatches(new TrafficRecorder(1)).Instance;
        var two = new TrafficBatches(new TrafficRecorder(1)).Instance;
        Assert.Matches("^[0-9a-f]{32}$", one);
        Assert.NotEqual(one, two);
    }

    [Fact]
    public async Task Next_RecordingOnManyThreadsWhileCutting_EveryRequestInExactlyOneAcknowledgedSummary()
    {
        const int threads = 4;
        const int perThread = 50_000;
        var recorder = new TrafficRecorder(maxInferredOperations: 3);
        recorder.UseDocument("""{"openapi": "3.0.0", "paths": {"/items/{id}": {"get": {}, "post": {}}, "/items": {"get": {}}}}""", "application/json");
        var batches = new TrafficBatches(recorder);
        var delivered = new List<TrafficSummary>();
        var recording = 1;

        var cutter = Task.Run(() =>
        {
            var lostAnswers = 0;
            while (Volatile.Read(ref recording) == 1)
            {
                var summary = batches.Next(DateTimeOffset.UtcNow);
                if (summary is null)
                {
                    continue;
                }

                // Every third report's answer is "lost": the same summary must come back unchanged.
                if (++lostAnswers % 3 == 0)
                {
                    Assert.Same(summary, batches.Next(DateTimeOffset.UtcNow));
                }

                delivered.Add(summary);
                batches.Acknowledge(summary.Sequence);
            }
        });

        var workers = Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                var (method, path) = (i % 5) switch
                {
                    0 => ("GET", $"/items/{i}"),
                    1 => ("POST", $"/items/{i}"),
                    2 => ("GET", "/items"),
                    3 => ("DELETE", $"/legacy/{t}/{i}"),
                    _ => ("GET", $"/random-{t}-{i % 997}-x/abc"),
                };
                recorder.Record(method, path, IsError(i) ? 503 : 200, TimeSpan.FromTicks(i % 20_000), 3, 5);
            }
        })).ToArray();

        await Task.WhenAll(workers);
        Volatile.Write(ref recording, 0);
        await cutter;
        // Once recording stops, one more summary at most holds what is left; then there is no news.
        if (batches.Next(DateTimeOffset.UtcNow) is { } last)
        {
            delivered.Add(last);
            batches.Acknowledge(last.Sequence);
        }

        Assert.Null(batches.Next(DateTimeOffset.UtcNow));

        const long total = (long)threads * perThread;
        var operations = delivered.SelectMany(s => s.Operations!).ToList();
        Assert.Equal(Enumerable.Range(1, delivered.Count).Select(i => (long)i), delivered.Select(s => s.Sequence));
        Assert.Equal(total, delivered.Sum(s => s.UnattributedRequests) + operations.Sum(o => o.Requests!.Values.Sum()));
        Assert.Equal(total - delivered.Sum(s => s.UnattributedRequests), operations.Sum(o => o.Latency!.Counts!.Sum()));
        // The message names each operation's totals, so a failure shows where errors went.
        var expectedErrors = threads * Enumerable.Range(0, perThread).Count(IsError);
        Assert.True(
            expectedErrors == operations.Sum(o => o.Errors),
            $"errors {operations.Sum(o => o.Errors)} of {expectedErrors}; unattributed {delivered.Sum(s => s.UnattributedRequests)}; summaries {delivered.Count}; " +
            string.Join("; ", operations.GroupBy(o => $"{o.Method} {o.PathTemplate}").Select(g =>
                $"{g.Key}: requests {g.Sum(o => o.Requests!.Values.Sum())}, errors {g.Sum(o => o.Errors)}, 5xx {g.Sum(o => o.Requests!.GetValueOrDefault("5xx"))}")));
        Assert.Equal(3 * (total - delivered.Sum(s => s.UnattributedRequests)), operations.Sum(o => o.RequestBytes));
        Assert.Equal(threads * perThread / 5, operations.Where(o => o.Method == "GET" && o.PathTemplate == "/items").Sum(o => o.Requests!.Values.Sum()));

        // Documented and inferred operations count errors (DELETE /legacy/… is inferred, its place taken by
        // whichever thread comes first); the random paths that may end up unattributed never fail.
        static bool IsError(int i) => i % 7 == 0 && i % 5 != 4;
    }
}
