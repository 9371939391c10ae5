using Periscope.Functions.AlertRules;

namespace Periscope.Functions.Tests.AlertRules;

public sealed class AlertRuleRendererTests
{
    [Fact]
    public void Render_NodeCpu_WritesTemplateComparisonAndThreshold()
    {
        var rendered = AlertRuleRenderer.Render(AlertRuleSamples.Rule(AlertRuleSamples.NodeCpu()));

        Assert.Equal(
            """(1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle",instance="worker-1"}[5m]))) > 0.9""",
            rendered.Expr);
        Assert.Equal(("node_cpu_high", "10m"), (rendered.Alert, rendered.For));
    }

    [Fact]
    public void Render_NodeRuleWithAnotherNodeLabel_SelectsGroupsAndNamesByIt()
    {
        // Monitoring:NodeLabel=node, where instance stays host:port and a relabelled `node` names the node.
        var cpu = AlertRuleRenderer.Render(AlertRuleSamples.Rule(AlertRuleSamples.NodeCpu()), nodeLabel: "node");
        var network = AlertRuleRenderer.Render(
            AlertRuleSamples.Rule(AlertRuleSamples.Minimal("node", "network", 1e8) with { Selector = new AlertRuleSelector { Node = "worker-2" } }), nodeLabel: "node");

        Assert.Equal("""(1 - avg by (node) (rate(node_cpu_seconds_total{mode="idle",node="worker-1"}[5m]))) > 0.9""", cpu.Expr);
        Assert.Contains("sum by (node) (", network.Expr, StringComparison.Ordinal);
        Assert.Contains("node=\"worker-2\"", network.Expr, StringComparison.Ordinal);
        Assert.DoesNotContain("instance", network.Expr, StringComparison.Ordinal);
        Assert.StartsWith("{{ $labels.node }}: network", Assert.Single(network.Annotations).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Rule_LabelsNameSeverityAndNamespace()
    {
        var rule = AlertRuleSamples.Rule(AlertRuleSamples.Minimal("pod", "memory", 0.8) with
        {
            Name = "shop-memory",
            Selector = new AlertRuleSelector { Namespace = "shop" },
            Severity = "critical",
        });

        var rendered = AlertRuleRenderer.Render(rule);

        Assert.Equal(
            [new("periscope_rule", "shop-memory"), new("severity", "critical"), new("namespace", "shop")],
            rendered.Labels);
        Assert.Equal(
            """(sum by (namespace, pod) (container_memory_working_set_bytes{container!="",image!="",namespace="shop"}) / sum by (namespace, pod) (kube_pod_container_resource_limits{resource="memory",namespace="shop"})) > 0.8""",
            rendered.Expr);
    }

    [Fact]
    public void Render_Annotations_SummaryDescriptionRunbookUrl()
    {
        var rendered = AlertRuleRenderer.Render(AlertRuleSamples.Rule(AlertRuleSamples.NodeCpu()));

        Assert.Equal(
            [
                new("summary", "CPU high on {{ $labels.instance }}: {{ $value | humanizePercentage }}"),
                new("description", "CPU has been high."),
                new("runbook_url", "https://runbooks.example.com/cpu"),
            ],
            rendered.Annotations);
    }

    [Fact]
    public void Render_NoSummary_WritesOneNamingSubjectValueAndThreshold()
    {
        var rendered = AlertRuleRenderer.Render(AlertRuleSamples.Rule(AlertRuleSamples.Minimal("container", "cpu", 0.75) with { Comparison = "<" }));

        Assert.Equal(
            "{{ $labels.namespace }}/{{ $labels.pod }}/{{ $labels.container }}: cpu {{ $value | humanizePercentage }}, below 75% for 5m (rule sample).",
            Assert.Single(rendered.Annotations).Value);
    }

    [Fact]
    public void Render_OperationWithMethod_MatchesMethodAndTemplate()
    {
        var rule = AlertRuleSamples.Rule(AlertRuleSamples.Minimal("operation", "latency-p99", 0.25) with
        {
            Selector = new AlertRuleSelector { Namespace = "shop", App = "orders", Operation = "GET /orders/{id}" },
        });

        Assert.Equal(
            """(histogram_quantile(0.99, sum by (namespace, app_id, operation, method, le) (rate(periscope_sidecar_request_duration_seconds_bucket{namespace="shop",app_id="orders",method="GET",operation="/orders/{id}"}[5m])))) > 0.25""",
            AlertRuleRenderer.Render(rule).Expr);
    }

    [Fact]
    public void Render_ExtraLabels_OnWatchedMetricOnly()
    {
        var rule = AlertRuleSamples.Rule(AlertRuleSamples.Minimal("operation", "error-rate", 0.1) with
        {
            Selector = new AlertRuleSelector { App = "orders", Labels = new() { ["pod"] = "orders-1" } },
        });

        Assert.Equal(
            """(sum by (namespace, app_id, operation, method) (rate(periscope_sidecar_request_errors_total{app_id="orders",pod="orders-1"}[5m])) / sum by (namespace, app_id, operation, method) (rate(periscope_sidecar_requests_total{app_id="orders"}[5m]))) > 0.1""",
            AlertRuleRenderer.Render(rule).Expr);
    }

    [Theory]
    [InlineData("cpu-high", "cpu_high")]
    [InlineData("9lives", "rule_9lives")]
    [InlineData("a", "a")]
    public void AlertName_RuleName_ValidMetricName(string rule, string alert) => Assert.Equal(alert, AlertRuleRenderer.AlertName(rule));

    [Theory]
    [InlineData("\"} or vector(1) or up{a=\"")]
    [InlineData("x\\\"}) > 0 or vector(1) #")]
    [InlineData("/orders\"} == 1 unless on() vector(0) #")]
    [InlineData("`'\\n{{ $value }}")]
    public void Render_InjectionInSelector_StaysInsideOneStringLiteral(string attack)
    {
        AlertRule WithValue(string value) => AlertRuleSamples.Rule(AlertRuleSamples.Minimal("operation", "error-rate", 0.1) with
        {
            Selector = new AlertRuleSelector { Operation = "/" + value, Labels = new() { ["tenant"] = value } },
        });

        var attacked = AlertRuleRenderer.Render(WithValue(attack)).Expr;
        var benign = AlertRuleRenderer.Render(WithValue("benign")).Expr;

        // Replacing each escaped literal by the benign one gives back the benign expression exactly: the attack
        // changed nothing but the values compared, so the query's structure is the template's.
        var escaped = Periscope.Functions.Monitoring.PromQl.String("/" + attack);
        var escapedLabel = Periscope.Functions.Monitoring.PromQl.String(attack);
        Assert.Equal(benign, attacked.Replace(escaped, "\"/benign\"", StringComparison.Ordinal).Replace(escapedLabel, "\"benign\"", StringComparison.Ordinal));
        Assert.Equal(Unquote(escaped), "/" + attack);
    }

    /// <summary>Go's unquoting of the escapes PromQl.String writes.</summary>
    private static string Unquote(string literal) =>
        System.Text.RegularExpressions.Regex.Unescape(literal[1..^1]);
}
