using System.Runtime.CompilerServices;

namespace Periscope.Sidecar.Tests.Traffic;

/// <summary>
/// The real-world OpenAPI documents in ../shared/testdata/openapi beside the repository (read where they
/// are, never copied). The repository is found above the test assembly or, when the build output lives
/// elsewhere (--artifacts-path), above this source file; a missing folder fails loudly.
/// </summary>
internal static class SharedOpenApiDocuments
{
    public static string Folder { get; } = FindFolder();

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Folder, fileName));

    private static string FindFolder([CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile), Directory.GetCurrentDirectory()];
        foreach (var start in starts)
        {
            for (var folder = start is null ? null : new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Serverless.sln")))
                {
                    var shared = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "testdata", "openapi"));
                    return Directory.Exists(shared)
                        ? shared
                        : throw new DirectoryNotFoundException($"Real-world OpenAPI documents are expected at {shared} (../shared/testdata beside the repository).");
                }
            }
        }

        throw new DirectoryNotFoundException("Serverless.sln not found above " + AppContext.BaseDirectory + " or " + sourceFile);
    }
}
