using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Catalog;

/// <summary>Every real-world document in ../shared/testdata/openapi, served by a static server and reported by a real sidecar.</summary>
public sealed class RealWorldDocumentTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.SharedOpenApi).Order())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Sidecar_RealWorldDocument_IsCatalogedWithOperationViews(string fileName)
    {
        using var data = new TemporaryDirectory();
        await using var functions = await FunctionsServer.StartAsync(data.Path);
        using var client = functions.CreateClient();
        var path = Path.Combine(RepositoryPaths.SharedOpenApi, fileName);
        var isYaml = fileName.EndsWith(".yaml", StringComparison.Ordinal);
        var servedAt = isYaml ? "/openapi.yaml" : "/openapi.json";
        await using var app = await StaticDocumentServer.StartAsync(servedAt, await File.ReadAllTextAsync(path), isYaml ? "application/yaml" : "application/json");
        await using var sidecar = SidecarProcess.Start("realworld", app.Port, functions);

        var service = await Eventually.Until(
            async () => await client.FindServiceAsync("realworld") is { } found && (long)found["documentVersion"]! == 1 ? found : null,
            $"{fileName} to be reported");

        Assert.Equal("parsed", (string?)service["documentStatus"]);
        var document = await client.GetJsonAsync("api/services/default/realworld/openapi");
        Assert.StartsWith("3.1", (string?)document["openapi"], StringComparison.Ordinal);
        var operations = await client.GetJsonAsync("api/services/default/realworld/operations?limit=1000");
        foreach (var operation in operations["items"]!.AsArray())
        {
            var view = await client.GetJsonAsync("api/operations/" + (string)operation!["operationKey"]!);
            Assert.Equal((string?)operation["path"], (string?)view["path"]);
        }

        Assert.Equal((int)service["operationCount"]!, operations["items"]!.AsArray().Count);
    }
}
