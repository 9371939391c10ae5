using System.Reflection;
using System.Text.Json.Nodes;
using Periscope.OpenApi;

namespace Periscope.JsonSchema.Tests.LowCode;

/// <summary>
/// The real public OpenAPI documents in ../shared/testdata/openapi (see ../shared/testdata/README.md), parsed into
/// low-code views by Periscope.OpenApi. A missing folder fails the test that asks; it is never skipped.
/// </summary>
internal static class SharedOpenApiDocuments
{
    private static readonly Lazy<string> Folder = new(FindFolder);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Folder.Value).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    public static ParsedDocument Parse(string name) =>
        new OpenApiDocumentParser().Parse(File.ReadAllText(Path.Combine(Folder.Value, name)), null);

    /// <summary>The low-code view of the operation with <paramref name="slug"/>.</summary>
    public static JsonObject View(string name, string slug) =>
        JsonNode.Parse(Parse(name).Operations.Single(operation => operation.Slug == slug).LowCodeViewJson)!.AsObject();

    private static string FindFolder()
    {
        var sources = typeof(SharedOpenApiDocuments).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "SourceDirectory").Value!;
        foreach (var start in new[] { AppContext.BaseDirectory, sources })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
                {
                    var shared = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "testdata", "openapi"));
                    return Directory.Exists(shared)
                        ? shared
                        : throw new InvalidOperationException($"The real OpenAPI test documents are missing: expected {shared}.");
                }
            }
        }

        throw new InvalidOperationException($"No folder containing Serverless.sln above {AppContext.BaseDirectory} or {sources}.");
    }
}
