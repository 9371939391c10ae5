using System.Runtime.CompilerServices;

namespace Periscope.Monitoring.Stack.Tests.LocalStack;

/// <summary>deploy/local's configs are what the installed Prometheus 2.42 and Alertmanager 0.25 accept.</summary>
public sealed class LocalStackConfigTests
{
    [Fact]
    public async Task PromtoolCheckConfig_LocalPrometheusYml_Succeeds()
    {
        // Also checks every rule file the rule_files globs match (the default rule set in deploy/manifests).
        var result = await StackTool.PromtoolAsync("check", "config", Path.Combine(LocalFolder(), "prometheus.yml"));

        Assert.True(result.Succeeded, result.Output);
    }

    [Fact]
    public async Task AmtoolCheckConfig_LocalAlertmanagerYml_Succeeds()
    {
        var result = await StackTool.AmtoolAsync("check-config", Path.Combine(LocalFolder(), "alertmanager.yml"));

        Assert.True(result.Succeeded, result.Output);
    }

    [Fact]
    public async Task PromtoolCheckConfig_BrokenConfig_Fails()
    {
        var file = Path.Combine(Path.GetTempPath(), $"periscope-broken-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(file, "global:\n  scrape_interval: 1s\n  scrape_timeout: 5s\n");
        try
        {
            var result = await StackTool.PromtoolAsync("check", "config", file);

            Assert.False(result.Succeeded, result.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string LocalFolder([CallerFilePath] string source = "")
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(source)!); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                return Path.Combine(directory.FullName, "deploy", "local");
            }
        }

        throw new InvalidOperationException($"No folder containing Serverless.sln above {source}; cannot find deploy/local.");
    }
}
