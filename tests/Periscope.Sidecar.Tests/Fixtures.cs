namespace Periscope.Sidecar.Tests;

/// <summary>The files under fixtures/, copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    public static byte[] ReadBytes(string relativePath) => File.ReadAllBytes(Path.Combine(Directory, relativePath));

    /// <summary>Relative paths of the files in one fixtures folder, for a <c>[Theory]</c>.</summary>
    public static TheoryData<string> In(string folder) =>
        new(System.IO.Directory.GetFiles(Path.Combine(Directory, folder)).Select(file => Path.GetRelativePath(Directory, file)).Order());
}
