using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Periscope.Functions.Tests.Hosting;
using Periscope.Monitoring.Stack;

namespace Periscope.Functions.Tests.AlertRules;

/// <summary>
/// The rule file and reload against the real Prometheus (Debian's package, started on loopback): a rule written
/// through the API is loaded and evaluated; a rule removed is gone.
/// </summary>
public sealed class PrometheusReloadTests
{
    [Fact]
    public async Task Put_WithReload_PrometheusListsTheRuleThenDropsItOnDelete()
    {
        var data = Directory.CreateTempSubdirectory("periscope-rules-prometheus-");
        var ruleFile = Path.Combine(data.FullName, "periscope.yml");
        try
        {
            // Prometheus reads the file the functions host writes: the path must exist before it starts.
            await File.WriteAllTextAsync(ruleFile, "groups: []\n");
            await using var prometheus = await PrometheusServer.StartAsync(new PrometheusSetup { RuleFiles = [ruleFile] });
            var (server, _) = await AlertRulesHost.StartAsync(
            [
                $"--AlertRules:RuleFilePath={ruleFile}",
                "--AlertRules:ReloadPrometheus=true",
                $"--Monitoring:PrometheusUrl={prometheus.BaseAddress}",
            ]);
            await using var _ = server;
            using var client = server.CreateClient(AlertRulesHost.AdminKey);

            using var put = await client.PutAsJsonAsync("/api/alerts/rules/local-memory", new
            {
                target = "node",
                metric = "memory",
                threshold = 0.95,
                @for = "1m",
                summary = "Memory on {{ $labels.instance }} at {{ $value | humanizePercentage }}",
            });
            var body = await put.Content.ReadAsStringAsync();
            Assert.True(put.StatusCode == HttpStatusCode.Created, $"{(int)put.StatusCode} {body}");
            using (var created = JsonDocument.Parse(body))
            {
                Assert.True(created.RootElement.GetProperty("publication").GetProperty("prometheusReloaded").GetBoolean(), body);
            }

            // Reload is synchronous in Prometheus, so the rule is listed as soon as the PUT has answered.
            var listed = await RulesAsync(prometheus);
            var rule = Assert.Single(listed, r => r.GetProperty("name").GetString() == "local_memory");
            Assert.Equal("local-memory", rule.GetProperty("labels").GetProperty("periscope_rule").GetString());
            Assert.Equal(60, rule.GetProperty("duration").GetDouble());

            using var delete = await client.DeleteAsync("/api/alerts/rules/local-memory");
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
            Assert.DoesNotContain(await RulesAsync(prometheus), r => r.GetProperty("name").GetString() == "local_memory");
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Post_ReloadFails_RuleStoredAndPublicationSaysWhy()
    {
        // Nothing listens on port 9 (discard) on loopback here: the reload cannot connect.
        var (server, ruleFile) = await AlertRulesHost.StartAsync(
        [
            "--AlertRules:ReloadPrometheus=true",
            "--Monitoring:PrometheusUrl=http://127.0.0.1:9/",
        ]);
        await using var _ = server;
        using var client = server.CreateClient(AlertRulesHost.AdminKey);

        using var post = await client.PostAsJsonAsync("/api/alerts/rules", new { name = "reload-fails", target = "pod", metric = "restarts", threshold = 3 });

        var body = await post.Content.ReadAsStringAsync();
        Assert.True(post.StatusCode == HttpStatusCode.Created, $"{(int)post.StatusCode} {body}");
        using var created = JsonDocument.Parse(body);
        var publication = created.RootElement.GetProperty("publication");
        Assert.False(publication.GetProperty("prometheusReloaded").GetBoolean());
        Assert.Contains("127.0.0.1:9", Assert.Single(publication.GetProperty("errors").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Contains("reload_fails", await File.ReadAllTextAsync(ruleFile), StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(ruleFile)!)!, recursive: true);
    }

    private static async Task<List<JsonElement>> RulesAsync(PrometheusServer prometheus)
    {
        using var document = JsonDocument.Parse(await prometheus.GetJsonAsync("api/v1/rules?type=alert"));
        return document.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
            .SelectMany(group => group.GetProperty("rules").EnumerateArray())
            .Select(rule => rule.Clone())
            .ToList();
    }
}
