namespace Periscope.Monitoring.Stack;

/// <summary>
/// Where the Debian packages put the binaries (prometheus 2.42, prometheus-alertmanager 0.25,
/// prometheus-node-exporter 1.5); each can be overridden by an environment variable for a machine that
/// installs them elsewhere.
/// </summary>
public static class StackBinaries
{
    public static string Prometheus => Resolve("PERISCOPE_PROMETHEUS_BIN", "/usr/bin/prometheus");

    public static string Promtool => Resolve("PERISCOPE_PROMTOOL_BIN", "/usr/bin/promtool");

    public static string Alertmanager => Resolve("PERISCOPE_ALERTMANAGER_BIN", "/usr/bin/prometheus-alertmanager");

    public static string Amtool => Resolve("PERISCOPE_AMTOOL_BIN", "/usr/bin/amtool");

    public static string NodeExporter => Resolve("PERISCOPE_NODE_EXPORTER_BIN", "/usr/bin/prometheus-node-exporter");

    /// <summary>The binary's path, or a failure naming the Debian package that provides it.</summary>
    public static string Require(string path, string debianPackage)
    {
        if (File.Exists(path))
        {
            return path;
        }

        throw new FileNotFoundException(
            $"{path} is missing: install the Debian package '{debianPackage}' (apt-get install {debianPackage}), "
            + "or point the PERISCOPE_*_BIN environment variable at the binary.",
            path);
    }

    private static string Resolve(string variable, string fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path ? path : fallback;
}
