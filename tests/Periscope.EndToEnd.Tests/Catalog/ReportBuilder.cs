using Periscope.Catalog.Contracts;

namespace Periscope.EndToEnd.Tests.Catalog;

/// <summary>Reports as a sidecar would send them, for tests that talk to the catalog directly.</summary>
internal static class ReportBuilder
{
    public static readonly DateTimeOffset Heartbeat = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public static CatalogReport WithDocument(string appId, string content, string contentType = "application/json", string pod = "pod-1") => new()
    {
        AppId = appId,
        Namespace = "default",
        Pod = pod,
        Container = "app",
        Endpoint = new ReportedEndpoint { Address = "127.0.0.1", Port = 5000 },
        Document = new ReportedDocument { Content = content, ContentType = contentType, SourcePath = "/openapi.json" },
        DocumentHash = DocumentHash.Of(content),
        HeartbeatAt = Heartbeat,
    };

    public static CatalogReport HeartbeatOnly(string appId, string? hash) => new()
    {
        AppId = appId,
        Namespace = "default",
        Pod = "pod-1",
        Container = "app",
        Endpoint = new ReportedEndpoint { Address = "127.0.0.1", Port = 5000 },
        DocumentHash = hash,
        HeartbeatAt = Heartbeat.AddSeconds(10),
    };

    public const string MinimalDocument = """
        {"openapi":"3.0.3","info":{"title":"Minimal","version":"1"},
         "paths":{"/items/{id}":{"get":{"operationId":"getItem","parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],
                                        "responses":{"200":{"description":"ok"}}}}}}
        """;
}
