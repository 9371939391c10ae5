using System.Runtime.CompilerServices;

namespace Periscope.Functions.Tests.AlertRules;

/// <summary>
/// deploy/manifests/monitoring: the default rules as a plain rule file (the local stack) and as a PrometheusRule
/// (a cluster) are the same rules, both load in Prometheus, and the rules behave as their unit tests say.
/// </summary>
public sealed class DefaultRulesTests
{
    private static readonly string Monitoring = Path.Combine(RepositoryRoot(), "deploy", "manifests", "monitoring");

    private static readonly string Fixtures = Path.Combine(SourceFolder(), "fixtures");

    private static string RuleFile => Path.Combine(Monitoring, "rules", "default.yml");

    private static string PrometheusRuleFile => Path.Combine(Monitoring, "default-rules.yaml");

    [Fact]
    public async Task RuleFile_PassesPromtool() => await Promtool.CheckRulesAsync(RuleFile);

    [Fact]
    public async Task PrometheusRule_Spec_PassesPromtool() =>
        await Promtool.CheckRulesTextAsync(RulesYaml.SpecAsRuleFile(RulesYaml.Parse(await File.ReadAllTextAsync(PrometheusRuleFile))));

    [Fact]
    public async Task PrometheusRule_SameGroupsAsRuleFile()
    {
        var file = RulesYaml.Parse(await File.ReadAllTextAsync(RuleFile));
        var resource = RulesYaml.Parse(await File.ReadAllTextAsync(PrometheusRuleFile));

        Assert.Equal("PrometheusRule", resource["kind"]!.GetValue<string>());
        Assert.Equal(RulesYaml.Canonical(file["groups"]!), RulesYaml.Canonical(resource["spec"]!["groups"]!));
    }

    [Fact]
    public async Task RuleFile_EveryRule_HasSeveritySummaryDescriptionAndRunbook()
    {
        var file = RulesYaml.Parse(await File.ReadAllTextAsync(RuleFile));

        var rules = file["groups"]!.AsArray().SelectMany(group => group!["rules"]!.AsArray()).ToList();
        Assert.True(rules.Count >= 12, $"{rules.Count} rules");
        foreach (var rule in rules)
        {
            var name = rule!["alert"]!.GetValue<string>();
            Assert.Contains(rule["labels"]!["severity"]!.GetValue<string>(), new[] { "critical", "warning", "info" });
            foreach (var annotation in new[] { "summary", "description", "runbook" })
            {
                Assert.False(string.IsNullOrWhiteSpace(rule["annotations"]![annotation]?.GetValue<string>()), $"{name} lacks {annotation}");
            }
        }
    }

    [Fact]
    public async Task RuleFile_UnitTests_Pass()
    {
        // promtool resolves rule_files relative to the test file, so the test file is written beside a copy.
        var directory = Directory.CreateTempSubdirectory("periscope-default-rules-");
        try
        {
            File.Copy(RuleFile, Path.Combine(directory.FullName, "default.yml"));
            var tests = Path.Combine(directory.FullName, "default.test.yml");
            File.Copy(Path.Combine(Fixtures, "default-rules.test.yml"), tests);
            await Promtool.TestRulesAsync(tests);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>This file's folder: tests build into an artifacts path outside the tree, so the source path finds the tree.</summary>
    private static string SourceFolder([CallerFilePath] string source = "") => Path.GetDirectoryName(source)!;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(SourceFolder()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Serverless.sln above {SourceFolder()}.");
    }
}
