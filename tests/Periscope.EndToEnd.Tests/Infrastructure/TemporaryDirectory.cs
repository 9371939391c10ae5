namespace Periscope.EndToEnd.Tests.Infrastructure;

/// <summary>A fresh folder under the system temp directory, removed on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("periscope-e2e-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // SQLite's pooled connections may still hold the file for a moment; the OS temp cleaner gets it.
        }
    }
}
