namespace Periscope.Kubernetes.Configuration;

/// <summary>The process environment the configuration reads, replaceable in tests.</summary>
internal sealed record ConfigurationEnvironment(
    Func<string, string?> GetVariable,
    string HomeDirectory,
    InClusterPaths InClusterPaths)
{
    public static ConfigurationEnvironment Process { get; } = new(
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        InClusterPaths.Default);
}
