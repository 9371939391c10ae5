namespace Periscope.EndToEnd.Tests.Infrastructure;

/// <summary>The repository root (the folder holding Serverless.sln) and the shared real-world test data beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/testdata/openapi from the root; a missing folder fails the test that needs it, loudly.</summary>
    public static string SharedOpenApi
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(Root, "..", "shared", "testdata", "openapi"));
            return Directory.Exists(folder)
                ? folder
                : throw new DirectoryNotFoundException($"Real-world OpenAPI documents are expected at {folder} (../shared/testdata beside the repository).");
        }
    }

    /// <summary>A built app's entry assembly, copied next to the tests by its project reference.</summary>
    public static string Assembly(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{name}.dll is not next to the tests; is the project referenced?", path);
    }

    /// <summary>Above the test binaries, or, when they were built elsewhere (<c>--artifacts-path</c>), above this source file.</summary>
    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "") =>
        Above(AppContext.BaseDirectory) ?? Above(Path.GetDirectoryName(sourceFile) ?? "/")
        ?? throw new DirectoryNotFoundException("Serverless.sln not found above " + AppContext.BaseDirectory);

    private static string? Above(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Serverless.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
