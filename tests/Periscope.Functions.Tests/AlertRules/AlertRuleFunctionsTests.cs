using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.AlertRules;

/// <summary>POST, PUT, DELETE, GET and render of <c>/api/alerts/rules</c> through the real host on loopback.</summary>
[Collection(SharedAlertRulesHost.Name)]
public sealed class AlertRuleFunctionsTests(AlertRulesHost host)
{
    private static object Body(string name, double threshold = 0.9) => new
    {
        name,
        target = "node",
        metric = "cpu",
        selector = new { node = "worker-1" },
        threshold,
        @for = "10m",
        severity = "critical",
        summary = "CPU high on {{ $labels.instance }}",
    };

    [Fact]
    public async Task Post_ValidRule_201WithLocationRenderedRuleAndRuleFile()
    {
        using var response = await host.Client.PostAsJsonAsync("/api/alerts/rules", Body("post-valid"));

        var rule = await ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal("/api/alerts/rules/post-valid", response.Headers.Location?.OriginalString);
        Assert.Equal("post_valid", rule.GetProperty("rendered").GetProperty("alert").GetString());
        Assert.Equal("post-valid", rule.GetProperty("rendered").GetProperty("labels").GetProperty("periscope_rule").GetString());
        Assert.Equal(host.RuleFilePath, rule.GetProperty("publication").GetProperty("ruleFile").GetString());
        Assert.Equal(0, rule.GetProperty("publication").GetProperty("errors").GetArrayLength());
        Assert.Contains("\"post_valid\"", await File.ReadAllTextAsync(host.RuleFilePath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NodeRuleWithMonitoringNodeLabel_RuleFileAndViewUseThatLabel()
    {
        var (server, ruleFile) = await AlertRulesHost.StartAsync(["--Monitoring:NodeLabel=node"]);
        await using var _ = server;
        using var client = server.CreateClient(AlertRulesHost.AdminKey);

        using var response = await client.PostAsJsonAsync(
            "/api/alerts/rules", new { name = "node-label", target = "node", metric = "cpu", threshold = 0.9, selector = new { node = "worker-1" } });

        var rule = await ReadAsync(response, HttpStatusCode.Created);
        var expr = rule.GetProperty("rendered").GetProperty("expr").GetString()!;
        Assert.Contains("avg by (node)", expr, StringComparison.Ordinal);
        Assert.Contains("node=\"worker-1\"", expr, StringComparison.Ordinal);
        Assert.DoesNotContain("instance", expr, StringComparison.Ordinal);
        Assert.Contains("avg by (node)", await File.ReadAllTextAsync(ruleFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NameTaken_409()
    {
        using var first = await host.Client.PostAsJsonAsync("/api/alerts/rules", Body("post-twice"));
        await ReadAsync(first, HttpStatusCode.Created);

        using var second = await host.Client.PostAsJsonAsync("/api/alerts/rules", Body("post-twice", 0.5));

        await ProblemJson.ReadAsync(second, HttpStatusCode.Conflict);
        var stored = await FunctionsTestServer.GetJsonAsync(host.Client, "/api/alerts/rules/post-twice");
        Assert.Equal(0.9, stored.GetProperty("threshold").GetDouble());
    }

    [Fact]
    public async Task Post_InvalidFields_400WithErrorsPerField()
    {
        using var response = await host.Client.PostAsJsonAsync("/api/alerts/rules", new
        {
            name = "Post Invalid",
            target = "pod",
            metric = "latency-p99",
            selector = new { node = "worker-1" },
            threshold = 2,
            @for = "ten minutes",
        });

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(
            ["for", "metric", "name", "selector.node"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Post_ViewerKey_403AndNothingStored()
    {
        using var response = await host.Viewer.PostAsJsonAsync("/api/alerts/rules", Body("post-viewer"));

        await ProblemJson.ReadAsync(response, HttpStatusCode.Forbidden);
        using var get = await host.Client.GetAsync("/api/alerts/rules/post-viewer");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Post_Anonymous_401()
    {
        using var response = await host.Anonymous.PostAsJsonAsync("/api/alerts/rules", Body("post-anonymous"));

        await ProblemJson.ReadAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Get_ViewerKey_ListsAndReadsRules()
    {
        using var created = await host.Client.PostAsJsonAsync("/api/alerts/rules", Body("get-viewer"));
        await ReadAsync(created, HttpStatusCode.Created);

        var list = await FunctionsTestServer.GetJsonAsync(host.Viewer, "/api/alerts/rules");
        var one = await FunctionsTestServer.GetJsonAsync(host.Viewer, "/api/alerts/rules/get-viewer");

        Assert.Contains(list.GetProperty("items").EnumerateArray(), rule => rule.GetProperty("name").GetString() == "get-viewer");
        Assert.Equal(("node", "cpu", "critical", "10m", "worker-1"), (
            one.GetProperty("target").GetString(), one.GetProperty("metric").GetString(), one.GetProperty("severity").GetString(),
            one.GetProperty("for").GetString(), one.GetProperty("selector").GetProperty("node").GetString()));
        Assert.False(one.TryGetProperty("publication", out _));
    }

    [Fact]
    public async Task Get_UnknownName_404()
    {
        using var response = await host.Client.GetAsync("/api/alerts/rules/no-such-rule");

        await ProblemJson.ReadAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_NewThenChanged_201Then200KeepingCreatedAt()
    {
        using var create = await host.Client.PutAsJsonAsync("/api/alerts/rules/put-twice", Body("put-twice"));
        var first = await ReadAsync(create, HttpStatusCode.Created);

        using var replace = await host.Client.PutAsJsonAsync("/api/alerts/rules/put-twice", Body("put-twice", 0.7));
        var second = await ReadAsync(replace, HttpStatusCode.OK);

        Assert.Equal(0.7, second.GetProperty("threshold").GetDouble());
        Assert.Equal(first.GetProperty("createdAt").GetString(), second.GetProperty("createdAt").GetString());
        Assert.Contains("> 0.7", second.GetProperty("rendered").GetProperty("expr").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_BodyNameDiffers_400()
    {
        using var response = await host.Client.PutAsJsonAsync("/api/alerts/rules/put-mismatch", Body("another-name"));

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Delete_ExistingRule_204AndGoneFromRuleFile()
    {
        using var created = await host.Client.PostAsJsonAsync("/api/alerts/rules", Body("delete-me"));
        await ReadAsync(created, HttpStatusCode.Created);

        using var delete = await host.Client.DeleteAsync("/api/alerts/rules/delete-me");
        using var again = await host.Client.DeleteAsync("/api/alerts/rules/delete-me");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await ProblemJson.ReadAsync(again, HttpStatusCode.NotFound);
        Assert.DoesNotContain("\"delete_me\"", await File.ReadAllTextAsync(host.RuleFilePath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_BothFormats_YamlOfTheStoredRules()
    {
        using var created = await host.Client.PostAsJsonAsync("/api/alerts/rules", Body("render-me"));
        await ReadAsync(created, HttpStatusCode.Created);

        using var ruleFile = await host.Viewer.GetAsync("/api/alerts/rules/render");
        using var resource = await host.Viewer.GetAsync("/api/alerts/rules/render?format=prometheusrule");
        using var bad = await host.Viewer.GetAsync("/api/alerts/rules/render?format=json");

        Assert.Equal("application/yaml", ruleFile.Content.Headers.ContentType?.MediaType);
        var file = RulesYaml.Parse(await ruleFile.Content.ReadAsStringAsync());
        Assert.Contains(file["groups"]![0]!["rules"]!.AsArray(), rule => rule!["alert"]!.GetValue<string>() == "render_me");
        var prometheusRule = RulesYaml.Parse(await resource.Content.ReadAsStringAsync());
        Assert.Equal(("PrometheusRule", "periscope"), (prometheusRule["kind"]!.GetValue<string>(), prometheusRule["metadata"]!["namespace"]!.GetValue<string>()));
        Assert.Equal(RulesYaml.Canonical(file["groups"]!), RulesYaml.Canonical(prometheusRule["spec"]!["groups"]!));
        await ProblemJson.ReadAsync(bad, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_InjectionInSelector_StoredAndRenderedAsOneLiteral()
    {
        using var response = await host.Client.PostAsJsonAsync("/api/alerts/rules", new
        {
            name = "post-injection",
            target = "node",
            metric = "memory",
            threshold = 0.5,
            selector = new { labels = new Dictionary<string, string> { ["job"] = "x\"} or vector(1) or up{a=\"" } },
        });

        var rule = await ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal(
            """(1 - node_memory_MemAvailable_bytes{job="x\"} or vector(1) or up{a=\""} / node_memory_MemTotal_bytes{job="x\"} or vector(1) or up{a=\""}) > 0.5""",
            rule.GetProperty("rendered").GetProperty("expr").GetString());
        await Promtool.CheckRulesAsync(host.RuleFilePath);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
