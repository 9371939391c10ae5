using Periscope.Functions.AlertRules;

namespace Periscope.Functions.Tests.AlertRules;

/// <summary>Rendered rule files and PrometheusRules load in Prometheus: promtool checks them.</summary>
public sealed class RuleFileTests
{
    private static readonly string[] Attacks = ["\"} or vector(1) or up{a=\"", "x\\\"}) > 0 #\u2028", "{{ $value }}'`"];

    [Fact]
    public async Task RuleFile_EveryTargetMetricPairAndHostileValues_PassesPromtool()
    {
        var rules = new List<RenderedAlertRule>();
        foreach (var target in AlertRuleVocabulary.Targets)
        {
            foreach (var metric in MetricTemplates.MetricsOf(target))
            {
                rules.Add(AlertRuleRenderer.Render(AlertRuleSamples.Rule(AlertRuleSamples.Minimal(target, metric, 0.5) with { Name = $"{target}-{metric}" })));
                rules.Add(AlertRuleRenderer.Render(AlertRuleSamples.Rule(AlertRuleSamples.Minimal(target, metric, 0.5) with
                {
                    Name = $"{target}-{metric}-selected",
                    Comparison = "<",
                    For = "1h30m",
                    Selector = HostileSelector(target),
                    Summary = "{{ $labels.instance }} at {{ $value | humanize }}: \"quoted\" 中文 # not a comment",
                    Description = "two\nlines: {{ $value }}",
                    RunbookUrl = "https://runbooks.example.com/a?b=c&d=\"e\"",
                })));
            }
        }

        var yaml = RuleYaml.RuleFile("periscope-threshold-rules", rules);

        await Promtool.CheckRulesTextAsync(yaml);
        Assert.Equal(2 * AlertRuleSamples.SupportedPairs().Count, rules.Count);
    }

    [Fact]
    public async Task RuleFile_NoRules_PassesPromtool()
    {
        var yaml = RuleYaml.RuleFile("periscope-threshold-rules", []);

        Assert.Contains("groups: []", yaml, StringComparison.Ordinal);
        await Promtool.CheckRulesTextAsync(yaml);
    }

    [Fact]
    public async Task PrometheusRule_Spec_PassesPromtoolAndCarriesMetadata()
    {
        var rules = new[] { AlertRuleRenderer.Render(AlertRuleSamples.Rule(AlertRuleSamples.NodeCpu())) };
        var labels = new Dictionary<string, string> { ["release"] = "kube-prometheus-stack", ["role"] = "alert-rules" };

        var yaml = RuleYaml.PrometheusRule("periscope-threshold-rules", "monitoring", labels, "periscope-threshold-rules", rules);

        var resource = RulesYaml.Parse(yaml);
        Assert.Equal("monitoring.coreos.com/v1", resource["apiVersion"]!.GetValue<string>());
        Assert.Equal("PrometheusRule", resource["kind"]!.GetValue<string>());
        Assert.Equal("monitoring", resource["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal("kube-prometheus-stack", resource["metadata"]!["labels"]!["release"]!.GetValue<string>());
        await Promtool.CheckRulesTextAsync(RulesYaml.SpecAsRuleFile(resource));
    }

    [Fact]
    public void RuleFile_HostileValues_ReadBackUnchanged()
    {
        var rule = AlertRuleSamples.Rule(AlertRuleSamples.Minimal("pod", "restarts", 1) with
        {
            Selector = HostileSelector("pod"),
            Summary = "a: b # c \"d\" 'e' {{ $value }}",
        });
        var rendered = AlertRuleRenderer.Render(rule);

        var file = RulesYaml.Parse(RuleYaml.RuleFile("g", [rendered]));

        var read = file["groups"]![0]!["rules"]![0]!;
        Assert.Equal(rendered.Expr, read["expr"]!.GetValue<string>());
        Assert.Equal(rule.Summary, read["annotations"]!["summary"]!.GetValue<string>());
        Assert.Equal(
            ["namespace=shop", "periscope_rule=sample", "severity=warning"],
            read["labels"]!.AsObject().Select(label => $"{label.Key}={label.Value}").Order(StringComparer.Ordinal));
    }

    private static AlertRuleSelector HostileSelector(string target) => target switch
    {
        "node" => new AlertRuleSelector { Node = "worker-1:9100", Labels = new() { ["job"] = Attacks[0] } },
        "operation" => new AlertRuleSelector { Namespace = "shop", App = "orders", Operation = "GET /" + Attacks[1], Labels = new() { ["tenant"] = Attacks[2] } },
        "container" => new AlertRuleSelector { Namespace = "shop", Pod = "web-1", Container = "app", Labels = new() { ["image"] = Attacks[0] } },
        _ => new AlertRuleSelector { Namespace = "shop", Pod = "web-1.a", Labels = new() { ["node"] = Attacks[1] } },
    };
}
