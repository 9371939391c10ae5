using Periscope.Functions.AlertRules;

namespace Periscope.Functions.Tests.AlertRules;

/// <summary>Requests and rules the tests start from and change one field of.</summary>
internal static class AlertRuleSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public static AlertRuleRequest NodeCpu(string name = "node-cpu-high") => new(
        name, "node", "cpu", new AlertRuleSelector { Node = "worker-1" }, 0.9, ">", "10m", "critical",
        "CPU high on {{ $labels.instance }}: {{ $value | humanizePercentage }}", "CPU has been high.", "https://runbooks.example.com/cpu");

    public static AlertRuleRequest Minimal(string target, string metric, double threshold = 0.5) =>
        new("sample", target, metric, null, threshold, null, null, null, null, null, null);

    public static AlertRule Rule(AlertRuleRequest request)
    {
        var (rule, errors) = AlertRuleValidator.Validate(request, routeName: null, Now, "tests");
        Assert.True(rule is not null, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return rule!;
    }

    /// <summary>Every (target, metric) pair the templates define.</summary>
    public static TheoryData<string, string> SupportedPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in AlertRuleVocabulary.Targets)
        {
            foreach (var metric in MetricTemplates.MetricsOf(target))
            {
                data.Add(target, metric);
            }
        }

        return data;
    }
}
