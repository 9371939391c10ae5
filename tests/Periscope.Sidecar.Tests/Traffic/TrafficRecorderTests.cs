using Microsoft.Extensions.Time.Testing;
using Periscope.Catalog.Contracts;
using Periscope.Sidecar.Traffic;

namespace Periscope.Sidecar.Tests.Traffic;

public sealed class TrafficRecorderTests
{
    private const string Pets = """
        {"swagger": "2.0", "basePath": "/api", "paths": {
          "/pets": {"get": {"operationId": "listPets"}, "post": {"operationId": "addPet"}},
          "/pets/{id}": {"get": {"operationId": "getPet"}},
          "/owners": {"get": {}}
        }}
        """;

    private static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Record_DocumentedRequest_CountedUnderItsTemplate()
    {
        var recorder = Recorder(Pets);
        recorder.Record("GET", "/api/pets/1", 200, TimeSpan.FromMilliseconds(2), 0, 120);
        recorder.Record("GET", "/api/pets/2?x=1", 404, TimeSpan.FromMilliseconds(1), 0, 30);
        recorder.Record("POST", "/api/pets", 201, TimeSpan.FromMilliseconds(3), 50, 10);

        var summary = recorder.CutSummary(Start.AddSeconds(10))!;
        Assert.Equal((Start, Start.AddSeconds(10), 0L), (summary.From, summary.To, summary.UnattributedRequests));
        var get = Single(summary, "GET", "/pets/{id}");
        Assert.False(get.Inferred);
        Assert.Equal(new Dictionary<string, long> { ["2xx"] = 1, ["4xx"] = 1 }, get.Requests);
        Assert.Equal((0L, 150L, 0L), (get.RequestBytes, get.ResponseBytes, get.Errors));
        Assert.Equal(2, get.Latency!.Counts!.Sum());
        Assert.Equal(0.003, get.Latency.SumSeconds, 9);
        Assert.Equal(50, Single(summary, "POST", "/pets").RequestBytes);
        Assert.Equal(2, summary.Operations!.Count);
    }

    [Fact]
    public void Record_UndocumentedRequests_GroupedIntoInferredOperation()
    {
        var recorder = Recorder(Pets);
        recorder.Record("GET", "/api/legacy/items/8812", 200, TimeSpan.Zero, 0, 0);
        recorder.Record("GET", "/api/legacy/items/8813", 500, TimeSpan.Zero, 0, 0);
        recorder.Record("PURGE", "/cache/3f2a9c1e7b", 200, TimeSpan.Zero, 0, 0);
        recorder.Record("GET", "/api/pets/1/photos", 200, TimeSpan.Zero, 0, 0);

        var summary = recorder.CutSummary(Start.AddSeconds(1))!;
        var legacy = Single(summary, "GET", "/legacy/items/{id}");
        Assert.True(legacy.Inferred);
        Assert.Equal(new Dictionary<string, long> { ["2xx"] = 1, ["5xx"] = 1 }, legacy.Requests);
        Assert.Equal(1, legacy.Errors);
        Assert.True(Single(summary, "OTHER", "/cache/{hex}").Inferred);
        Assert.True(Single(summary, "GET", "/pets/{id}/photos").Inferred);
        Assert.Equal(
            ["OTHER /cache/{hex} 1", "GET /legacy/items/{id} 2", "GET /pets/{id}/photos 1"],
            recorder.InferredOperations().Select(o => $"{o.Method} {o.PathTemplate} {o.Requests}"));
    }

    [Fact]
    public void Record_StatusCodes_CountedByClassErrorsFrom500()
    {
        var recorder = new TrafficRecorder(maxInferredOperations: 10);
        foreach (var status in new[] { 0, 100, 199, 200, 204, 302, 404, 499, 500, 504, 600, 999 })
        {
            recorder.Record("GET", "/status", status, TimeSpan.Zero, 0, 0);
        }

        var status200 = Single(recorder.CutSummary(Start)!, "GET", "/status");
        Assert.Equal(new Dictionary<string, long> { ["1xx"] = 3, ["2xx"] = 2, ["3xx"] = 1, ["4xx"] = 2, ["5xx"] = 4 }, status200.Requests);
        Assert.Equal(4, status200.Errors);
    }

    [Fact]
    public void Record_NegativeSizesAndDuration_CountAsZero()
    {
        var recorder = new TrafficRecorder(maxInferredOperations: 10);
        recorder.Record("GET", "/x", 200, TimeSpan.FromTicks(-5), -1, -1);
        var x = Single(recorder.CutSummary(Start)!, "GET", "/x");
        Assert.Equal((0L, 0L, 0.0, 1L), (x.RequestBytes, x.ResponseBytes, x.Latency!.SumSeconds, x.Latency.Counts![0]));
    }

    [Fact]
    public void Record_HundredThousandRandomPaths_InferredOperationsStayAtTheBound()
    {
        const int bound = 100;
        const int requests = 100_000;
        var recorder = Recorder(Pets, bound);
        var random = new Random(42);
        for (var i = 0; i < requests; i++)
        {
            recorder.Record(i % 2 == 0 ? "GET" : RandomWord(random, 6), "/" + RandomWord(random, 8) + "/" + RandomWord(random, 5), 200, TimeSpan.Zero, 0, 0);
        }

        Assert.Equal(bound, recorder.InferredOperations().Count);
        var summary = recorder.CutSummary(Start)!;
        Assert.Equal(bound, summary.Operations!.Count);
        Assert.Equal(requests, summary.UnattributedRequests + summary.Operations.Sum(o => o.Requests!.Values.Sum()));
        Assert.True(summary.UnattributedRequests > requests - (2 * bound));
    }

    [Fact]
    public void Record_ThreadsRaceForTheLastPlace_NoneOfTheTemplatesRequestsLost()
    {
        // Every thread asks for the one remaining place with the same template at once; whoever adds it,
        // the others must count into it rather than into "unattributed".
        const int threads = 4;
        const int perThread = 50;
        for (var round = 0; round < 200; round++)
        {
            var recorder = Recorder(Pets, maxInferred: 1);
            using var start = new Barrier(threads);
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                for (var i = 0; i < perThread; i++)
                {
                    recorder.Record("DELETE", $"/legacy/{(t * perThread) + i}", 200, TimeSpan.Zero, 0, 0);
                }
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());

            var summary = recorder.CutSummary(Start)!;
            Assert.Equal(0, summary.UnattributedRequests);
            Assert.Equal(threads * perThread, Single(summary, "DELETE", "/legacy/{id}").Requests!.Values.Sum());
        }
    }

    [Fact]
    public void Record_ZeroBound_EveryUndocumentedRequestUnattributed()
    {
        var recorder = Recorder(Pets, maxInferred: 0);
        recorder.Record("GET", "/elsewhere", 200, TimeSpan.Zero, 0, 0);
        recorder.Record("GET", "/api/pets", 200, TimeSpan.Zero, 0, 0);
        var summary = recorder.CutSummary(Start)!;
        Assert.Equal(1, summary.UnattributedRequests);
        Assert.Equal("/pets", Assert.Single(summary.Operations!).PathTemplate);
    }

    [Fact]
    public void Record_KnownOperationsAndUnattributed_AllocateNothing()
    {
        var recorder = Recorder(Pets, maxInferred: 1);
        recorder.Record("GET", "/legacy/1", 200, TimeSpan.Zero, 0, 0);
        string[] paths = ["/api/pets/7", "/api/pets", "/legacy/2", "/other/thing", "/api/owners/", "/x%20y/1"];
        foreach (var path in paths)
        {
            recorder.Record("GET", path, 200, TimeSpan.FromMilliseconds(1), 10, 10);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            foreach (var path in paths)
            {
                recorder.Record("GET", path, 200, TimeSpan.FromMilliseconds(1), 10, 10);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void UseDocument_OperationStillDocumented_KeepsItsCountsAndUse()
    {
        var recorder = Recorder(Pets);
        recorder.Record("GET", "/api/pets", 200, TimeSpan.Zero, 0, 0);
        recorder.UseDocument("""
            openapi: 3.0.0
            servers: [{url: /api}]
            paths:
              /pets: {get: {operationId: listPetsRenamed}}
              /toys: {get: {}}
            """, "application/yaml");
        recorder.Record("GET", "/api/pets", 200, TimeSpan.Zero, 0, 0);

        Assert.Equal(["GET /toys"], recorder.UnusedOperations().Select(o => $"{o.Method} {o.PathTemplate}"));
        Assert.Equal(2, Single(recorder.CutSummary(Start)!, "GET", "/pets").Requests!["2xx"]);
    }

    [Fact]
    public void UseDocument_OperationRemoved_ItsTrafficStillCutThenDropped()
    {
        var recorder = Recorder(Pets);
        recorder.Record("GET", "/api/owners", 200, TimeSpan.Zero, 0, 0);
        recorder.UseDocument("""{"swagger": "2.0", "basePath": "/api", "paths": {"/pets": {"get": {}}}}""", "application/json");
        recorder.Record("GET", "/api/owners", 200, TimeSpan.Zero, 0, 0);

        var summary = recorder.CutSummary(Start)!;
        Assert.False(Single(summary, "GET", "/owners", inferred: false).Inferred);
        Assert.True(Single(summary, "GET", "/owners", inferred: true).Inferred);
        Assert.Null(recorder.CutSummary(Start));
        Assert.Equal(["GET /pets"], recorder.UnusedOperations().Select(o => $"{o.Method} {o.PathTemplate}"));
    }

    [Fact]
    public void UseDocument_DescribesInferredOperation_RetiresItAndFreesItsPlace()
    {
        var recorder = new TrafficRecorder(maxInferredOperations: 1);
        recorder.Record("GET", "/legacy/items/1", 200, TimeSpan.Zero, 0, 0);
        recorder.Record("GET", "/other", 200, TimeSpan.Zero, 0, 0);
        recorder.UseDocument("""{"openapi": "3.1.0", "paths": {"/legacy/items/{itemId}": {"get": {}}}}""", "application/json");
        recorder.Record("GET", "/legacy/items/2", 200, TimeSpan.Zero, 0, 0);

        Assert.Empty(recorder.InferredOperations());
        var summary = recorder.CutSummary(Start)!;
        Assert.Equal(1, summary.UnattributedRequests);
        Assert.True(Single(summary, "GET", "/legacy/items/{id}").Inferred);
        Assert.False(Single(summary, "GET", "/legacy/items/{itemId}").Inferred);

        // The retired operation leaves after cuts without news; then a new one fits under the bound.
        recorder.CutSummary(Start);
        recorder.CutSummary(Start);
        recorder.CutSummary(Start);
        recorder.Record("GET", "/other", 200, TimeSpan.Zero, 0, 0);
        Assert.Equal("/other", Assert.Single(recorder.InferredOperations()).PathTemplate);
    }

    [Fact]
    public void UseDocument_Unreadable_EverythingInferred()
    {
        var recorder = Recorder(Pets);
        recorder.UseDocument("<html>oops</html>", "text/html");
        recorder.Record("GET", "/api/pets/1", 200, TimeSpan.Zero, 0, 0);
        Assert.Empty(recorder.Table.Operations);
        Assert.True(Single(recorder.CutSummary(Start)!, "GET", "/api/pets/{id}").Inferred);
    }

    [Fact]
    public void UnusedOperations_SomeCalled_ListsTheOthersInDocumentOrder()
    {
        var recorder = Recorder(Pets);
        recorder.Record("HEAD", "/api/pets/1", 200, TimeSpan.Zero, 0, 0);
        Assert.Equal(
            ["GET /pets listPets", "POST /pets addPet", "GET /owners "],
            recorder.UnusedOperations().Select(o => $"{o.Method} {o.PathTemplate} {o.OperationId}"));
    }

    [Fact]
    public void CutSummary_NothingSinceLastCut_ReturnsNullAndMovesPeriodOn()
    {
        var recorder = Recorder(Pets);
        Assert.Null(recorder.CutSummary(Start.AddSeconds(10)));
        recorder.Record("GET", "/api/pets", 200, TimeSpan.Zero, 0, 0);
        var summary = recorder.CutSummary(Start.AddSeconds(20))!;
        Assert.Equal((Start.AddSeconds(10), Start.AddSeconds(20)), (summary.From, summary.To));
        Assert.Null(recorder.CutSummary(Start.AddSeconds(30)));
    }

    [Fact]
    public void CutSummary_MoreOperationsThanItsLimit_OthersFollowInTurn()
    {
        var recorder = new TrafficRecorder(maxInferredOperations: 10, maxOperationsPerSummary: 3);
        var seen = new Dictionary<string, long>();
        for (var round = 0; round < 4; round++)
        {
            foreach (var name in new[] { "a", "b", "c", "d", "e" })
            {
                recorder.Record("GET", "/" + name, 200, TimeSpan.Zero, 0, 0);
            }

            var summary = recorder.CutSummary(Start)!;
            Assert.Equal(3, summary.Operations!.Count);
            foreach (var operation in summary.Operations)
            {
                seen[operation.PathTemplate!] = seen.GetValueOrDefault(operation.PathTemplate!) + operation.Requests!["2xx"];
            }
        }

        while (recorder.CutSummary(Start) is { } rest)
        {
            foreach (var operation in rest.Operations!)
            {
                seen[operation.PathTemplate!] = seen.GetValueOrDefault(operation.PathTemplate!) + operation.Requests!["2xx"];
            }
        }

        Assert.All(seen.Values, total => Assert.Equal(4, total));
        Assert.Equal(5, seen.Count);
    }

    private static TrafficRecorder Recorder(string document, int maxInferred = 100)
    {
        var recorder = new TrafficRecorder(maxInferred, time: new FakeTimeProvider(Start));
        recorder.UseDocument(document, "application/json");
        return recorder;
    }

    private static OperationTraffic Single(TrafficSummary summary, string method, string template, bool? inferred = null) =>
        Assert.Single(summary.Operations!, o => o.Method == method && o.PathTemplate == template && (inferred is null || o.Inferred == inferred));

    private static string RandomWord(Random random, int length) =>
        string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26));
            }
        });
}
