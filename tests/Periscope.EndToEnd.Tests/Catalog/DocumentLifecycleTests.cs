using System.Text.Json.Nodes;
using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Catalog;

/// <summary>A real sidecar in front of a static document server: changes picked up, outages survived.</summary>
public sealed class DocumentLifecycleTests
{
    private const string DocumentPath = "/specs/petstore.json";

    [Fact]
    public async Task Sidecar_DocumentChanges_NewVersionAndOperationsAppear()
    {
        using var data = new TemporaryDirectory();
        await using var functions = await FunctionsServer.StartAsync(data.Path);
        using var client = functions.CreateClient();
        var original = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SharedOpenApi, "OpenAPI-Specification_v20_petstore-expanded.json"));
        await using var app = await StaticDocumentServer.StartAsync(DocumentPath, original, "application/json");
        await using var sidecar = SidecarProcess.Start("petstore", app.Port, functions, "--openapi-path", DocumentPath);

        var first = await Eventually.Until(() => client.FindServiceAsync("petstore"), "the first report");
        Assert.Equal(1, (long)first["documentVersion"]!);
        var operationsBefore = (int)first["operationCount"]!;

        // The sidecar re-reads the document every 200 ms; several unchanged reads must not make a new version.
        var requestsSeen = app.DocumentRequests;
        await Eventually.True(() => Task.FromResult(app.DocumentRequests >= requestsSeen + 3), "three more reads of the unchanged document");
        Assert.Equal(1, (long)(await client.FindServiceAsync("petstore"))!["documentVersion"]!);

        var changed = JsonNode.Parse(original)!;
        changed["paths"]!["/pets/{id}/photos"] = JsonNode.Parse("""
            {"get": {"operationId": "listPhotos", "summary": "Photos of a pet",
                     "parameters": [{"name": "id", "in": "path", "required": true, "type": "integer", "format": "int64"}],
                     "responses": {"200": {"description": "photos"}}}}
            """);
        app.Replace(changed.ToJsonString());

        var second = await Eventually.Until(
            async () => await client.FindServiceAsync("petstore") is { } service && (long)service["documentVersion"]! == 2 ? service : null,
            "the changed document to be reported");
        Assert.Equal(operationsBefore + 1, (int)second["operationCount"]!);
        var photos = await client.GetJsonAsync("api/operations/default.petstore.listPhotos");
        Assert.Equal("/pets/{id}/photos", (string?)photos["path"]);
    }

    [Fact]
    public async Task Sidecar_CatalogDownThenUp_ReportArrivesAfterRecovery()
    {
        using var data = new TemporaryDirectory();
        await using var functions = await FunctionsServer.StartAsync(data.Path);
        var port = functions.Port;
        await functions.StopAsync();

        var document = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SharedOpenApi, "OpenAPI-Specification_v30_petstore-expanded.yaml"));
        await using var app = await StaticDocumentServer.StartAsync("/openapi.yaml", document, "application/yaml");
        await using var sidecar = SidecarProcess.Start("pets", app.Port, functions);

        // The sidecar has found the document and is failing to reach the catalog.
        await Eventually.True(() => Task.FromResult(app.DocumentRequests > 0), "the sidecar to discover the document");
        Assert.False(sidecar.HasExited, sidecar.Output);

        await functions.StartAsync(port);
        using var client = functions.CreateClient();
        var service = await Eventually.Until(() => client.FindServiceAsync("pets"), "the report after the catalog came back");
        Assert.Equal("parsed", (string?)service["documentStatus"]);
        Assert.True((int)service["operationCount"]! >= 4);
    }
}
