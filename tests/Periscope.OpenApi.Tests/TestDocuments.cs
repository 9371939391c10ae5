using System.Text.Json.Nodes;

namespace Periscope.OpenApi.Tests;

/// <summary>Finds the test documents: our fixtures, and the real public documents in ../shared/testdata/openapi.</summary>
internal static class TestDocuments
{
    private static readonly Lazy<string> SharedDirectory = new(FindSharedDirectory);

    /// <summary>The real documents; a missing folder fails the test that asks, it is never skipped.</summary>
    public static string SharedOpenApiDirectory => SharedDirectory.Value;

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", name));

    public static string Shared(string name) => File.ReadAllText(Path.Combine(SharedOpenApiDirectory, name));

    public static IEnumerable<string> SharedNames() =>
        Directory.EnumerateFiles(SharedOpenApiDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static TheoryData<string> SharedTheoryData()
    {
        var data = new TheoryData<string>();
        foreach (var name in SharedNames())
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>The low-code view of the operation with <paramref name="slug"/>, parsed.</summary>
    public static JsonObject View(ParsedDocument document, string slug)
    {
        var operation = document.Operations.SingleOrDefault(o => o.Slug == slug)
            ?? throw new InvalidOperationException($"No operation '{slug}'; have {string.Join(", ", document.Operations.Select(o => o.Slug))}.");
        return JsonNode.Parse(operation.LowCodeViewJson)!.AsObject();
    }

    private static string FindSharedDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "testdata", "openapi"));
                return Directory.Exists(shared)
                    ? shared
                    : throw new InvalidOperationException(
                        $"The real OpenAPI test documents are missing: expected the folder {shared} beside the repository root {directory.FullName}.");
            }
        }

        throw new InvalidOperationException($"No folder containing Serverless.sln above {AppContext.BaseDirectory}; cannot find ../shared/testdata/openapi.");
    }
}
