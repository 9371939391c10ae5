namespace Periscope.Tests.Shared;

/// <summary>
/// The sidecar binary the process-level tests run: the Native AOT build named by
/// <c>PERISCOPE_SIDECAR_EXECUTABLE</c> (test.sh publishes it and sets the variable), or null to run the
/// framework-dependent <c>Periscope.Sidecar.dll</c> next to the tests.
/// </summary>
internal static class SidecarExecutable
{
    public static string? Path { get; } = Environment.GetEnvironmentVariable("PERISCOPE_SIDECAR_EXECUTABLE") switch
    {
        null or "" => null,
        var path when File.Exists(path) => System.IO.Path.GetFullPath(path),
        var path => throw new FileNotFoundException(
            $"PERISCOPE_SIDECAR_EXECUTABLE names {path}, which does not exist; publish the sidecar first (test.sh does).", path),
    };
}
