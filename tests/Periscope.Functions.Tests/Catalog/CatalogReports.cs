using Periscope.Catalog.Contracts;

namespace Periscope.Functions.Tests.Catalog;

/// <summary>Reports and traffic summaries as a sidecar sends them.</summary>
internal static class CatalogReports
{
    /// <summary>Two documented operations: <c>GET /items/{id}</c> (getItem) and <c>POST /items</c> (createItem).</summary>
    public const string ItemsDocument = """
        {"openapi":"3.0.3","info":{"title":"Items","version":"1"},
         "paths":{"/items/{id}":{"get":{"operationId":"getItem","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
                                        "responses":{"200":{"description":"ok"}}}},
                  "/items":{"post":{"operationId":"createItem","responses":{"201":{"description":"created"}}}}}}
        """;

    public static CatalogReport Heartbeat(string appId, string pod = "pod-1", DateTimeOffset? at = null, string address = "10.0.0.1") => new()
    {
        AppId = appId,
        Namespace = "default",
        Pod = pod,
        Container = "app",
        Endpoint = new ReportedEndpoint { Address = address, Port = 3501 },
        DocumentHash = DocumentHash.Of(ItemsDocument),
        HeartbeatAt = at ?? DateTimeOffset.UtcNow,
    };

    public static CatalogReport WithDocument(string appId) => Heartbeat(appId) with
    {
        Document = new ReportedDocument { Content = ItemsDocument, ContentType = "application/json", SourcePath = "/openapi.json" },
    };

    public static TrafficSummary Summary(string instance, long sequence, params OperationTraffic[] operations) => new()
    {
        Instance = instance,
        Sequence = sequence,
        From = DateTimeOffset.UtcNow.AddSeconds(-10),
        To = DateTimeOffset.UtcNow,
        Operations = operations,
    };

    /// <summary><paramref name="ok"/> 2xx and <paramref name="failed"/> 5xx answers, all in latency bucket <paramref name="bucket"/>.</summary>
    public static OperationTraffic Calls(string method, string path, long ok, long failed = 0, bool inferred = false, int bucket = 2)
    {
        var counts = new long[LatencyHistogram.StandardBoundsSeconds.Count + 1];
        counts[bucket] = ok + failed;
        return new OperationTraffic
        {
            Method = method,
            PathTemplate = path,
            Inferred = inferred,
            Requests = new Dictionary<string, long> { ["2xx"] = ok, ["5xx"] = failed },
            Errors = failed,
            Latency = new LatencyHistogram { BoundsSeconds = LatencyHistogram.StandardBoundsSeconds, Counts = counts, SumSeconds = 0.002 * (ok + failed) },
            RequestBytes = 10 * (ok + failed),
            ResponseBytes = 20 * (ok + failed),
        };
    }
}
