using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Periscope.Functions.AlertRules;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.AlertRules;

/// <summary>Where the rule file goes: by default in the host's own data folder, so two hosts never share one.</summary>
public sealed class RuleFileLocationTests
{
    [Fact]
    public void RuleFileIn_Unset_IsInTheDataDirectory() =>
        Assert.Equal(Path.GetFullPath("/srv/periscope/rules/periscope.yml"), new AlertRulesOptions().RuleFileIn("/srv/periscope"));

    [Fact]
    public void RuleFileIn_Empty_IsNone() =>
        Assert.Null(new AlertRulesOptions { RuleFilePath = "" }.RuleFileIn("/srv/periscope"));

    [Fact]
    public void RuleFileIn_Configured_IsThatPath() =>
        Assert.Equal(Path.GetFullPath("/etc/prometheus/rules/periscope.yml"), new AlertRulesOptions { RuleFilePath = "/etc/prometheus/rules/periscope.yml" }.RuleFileIn("/srv/periscope"));

    [Fact]
    public async Task Publish_NoRuleFileConfigured_WritesItInTheHostsDataFolder()
    {
        await using var server = await StartAsync([]);

        var publication = await CreateRuleAsync(server);

        var ruleFile = Path.Combine(server.DataDirectory, "rules", "periscope.yml");
        Assert.Equal(Path.GetFullPath(ruleFile), publication.GetProperty("ruleFile").GetString());
        Assert.Contains("\"where_am_i\"", await File.ReadAllTextAsync(ruleFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_RuleFileConfiguredEmpty_WritesNone()
    {
        await using var server = await StartAsync(["--AlertRules:RuleFilePath="]);

        var publication = await CreateRuleAsync(server);

        Assert.Equal(JsonValueKind.Null, publication.GetProperty("ruleFile").ValueKind);
        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, "rules")));
    }

    private static Task<FunctionsTestServer> StartAsync(string[] settings) => FunctionsTestServer.StartAsync(
        ["--Catalog:ReportToken=rules-tests-report-token-0123456789", $"--Access:BootstrapKey={AlertRulesHost.AdminKey}", .. settings]);

    /// <summary>Creates a rule, which publishes the rules at once, and returns the publication it reports.</summary>
    private static async Task<JsonElement> CreateRuleAsync(FunctionsTestServer server)
    {
        using var client = server.CreateClient(AlertRulesHost.AdminKey);
        using var response = await client.PostAsJsonAsync("/api/alerts/rules", new
        {
            name = "where-am-i", target = "node", metric = "cpu", selector = new { node = "worker-1" }, threshold = 0.9,
            @for = "10m", severity = "critical", summary = "CPU high",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/alerts/rules: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("publication").Clone();
    }
}
