using Periscope.Functions.AlertRules;

namespace Periscope.Functions.Tests.AlertRules;

public sealed class AlertRuleValidatorTests
{
    public static TheoryData<int> InvalidCases() => [.. Enumerable.Range(0, Invalid.Count)];

    private static readonly List<(string Field, AlertRuleRequest Request)> Invalid = InvalidRequests();

    private static List<(string, AlertRuleRequest)> InvalidRequests()
    {
        var good = AlertRuleSamples.NodeCpu();
        return new List<(string, AlertRuleRequest)>
        {
            ("name", good with { Name = null }),
            ("name", good with { Name = "Upper-Case" }),
            ("name", good with { Name = "has_underscore" }),
            ("name", good with { Name = new string('a', 64) }),
            ("name", good with { Name = "render" }),
            ("target", good with { Target = null }),
            ("target", good with { Target = "cluster" }),
            ("metric", good with { Metric = "temperature" }),
            ("metric", good with { Metric = "error-rate" }),
            ("metric", good with { Target = "container", Metric = "network", Selector = null }),
            ("metric", good with { Target = "operation", Metric = "cpu", Selector = null }),
            ("selector.pod", good with { Selector = new AlertRuleSelector { Pod = "web-1" } }),
            ("selector.node", good with { Selector = new AlertRuleSelector { Node = "bad node" } }),
            ("selector.node", good with { Selector = new AlertRuleSelector { Node = "worker\"} or vector(1)" } }),
            ("selector.namespace", good with { Target = "pod", Metric = "memory", Selector = new AlertRuleSelector { Namespace = "Shop" } }),
            ("selector.pod", good with { Target = "pod", Metric = "memory", Selector = new AlertRuleSelector { Pod = "web_1" } }),
            ("selector.container", good with { Target = "container", Metric = "memory", Selector = new AlertRuleSelector { Container = "a.b" } }),
            ("selector.app", good with { Target = "operation", Metric = "error-rate", Selector = new AlertRuleSelector { App = "Orders" } }),
            ("selector.operation", good with { Target = "operation", Metric = "error-rate", Selector = new AlertRuleSelector { Operation = "orders" } }),
            ("selector.operation", good with { Target = "operation", Metric = "error-rate", Selector = new AlertRuleSelector { Operation = "/orders\n" } }),
            ("selector.app", good with { Target = "pod", Metric = "cpu", Selector = new AlertRuleSelector { App = "orders" } }),
            ("selector.labels.1bad", good with { Selector = new AlertRuleSelector { Labels = new() { ["1bad"] = "x" } } }),
            ("selector.labels.__name__", good with { Selector = new AlertRuleSelector { Labels = new() { ["__name__"] = "up" } } }),
            ("selector.labels.job", good with { Selector = new AlertRuleSelector { Labels = new() { ["job"] = "" } } }),
            ("threshold", good with { Threshold = null }),
            ("threshold", good with { Threshold = double.NaN }),
            ("threshold", good with { Threshold = double.PositiveInfinity }),
            ("threshold", good with { Threshold = 90 }),
            ("threshold", good with { Threshold = -0.1 }),
            ("threshold", good with { Metric = "network", Threshold = -1 }),
            ("comparison", good with { Comparison = ">=" }),
            ("comparison", good with { Comparison = "> 0 or vector(1)" }),
            ("for", good with { For = "5 minutes" }),
            ("for", good with { For = "5m\nexpr: up" }),
            ("for", good with { For = "31d" }),
            ("for", good with { For = "" }),
            ("severity", good with { Severity = "page" }),
            ("summary", good with { Summary = "{{ .Labels }}" }),
            ("summary", good with { Summary = "{{ range $labels }}x{{ end }}" }),
            ("summary", good with { Summary = "line one\nline two" }),
            ("summary", good with { Summary = new string('s', AlertRuleValidator.MaxSummaryLength + 1) }),
            ("description", good with { Description = "{{ template \"x\" }}" }),
            ("description", good with { Description = "bell\u0007" }),
            ("runbookUrl", good with { RunbookUrl = "runbooks/cpu" }),
            ("runbookUrl", good with { RunbookUrl = "javascript:alert(1)" }),
        };
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Validate_InvalidField_ReportsThatField(int index)
    {
        var (field, request) = Invalid[index];
        var (rule, errors) = AlertRuleValidator.Validate(request, routeName: null, AlertRuleSamples.Now, "tests");

        Assert.Null(rule);
        Assert.True(errors.ContainsKey(field), $"case {index}: expected an error for '{field}', got: {string.Join(", ", errors.Keys)}");
    }

    [Fact]
    public void Validate_ManyBadFields_ReportsEach()
    {
        var request = new AlertRuleRequest("Bad Name", "node", "cpu", null, null, "=", "soon", "page", null, null, "ftp://x");

        var (_, errors) = AlertRuleValidator.Validate(request, routeName: null, AlertRuleSamples.Now, "tests");

        Assert.Equal(["comparison", "for", "name", "runbookUrl", "severity", "threshold"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_OnlyRequiredFields_AppliesDefaults()
    {
        var rule = AlertRuleSamples.Rule(AlertRuleSamples.Minimal("pod", "restarts", 3));

        Assert.Equal((">", "5m", "warning"), (rule.Comparison, rule.For, rule.Severity));
        Assert.Null(rule.Summary);
        Assert.Equal(new AlertRuleSelector(), rule.Selector);
    }

    [Fact]
    public void Validate_WordsInOtherCase_StoresLowercase()
    {
        var rule = AlertRuleSamples.Rule(AlertRuleSamples.NodeCpu() with { Target = "Node", Metric = "CPU", Severity = "Critical" });

        Assert.Equal(("node", "cpu", "critical"), (rule.Target, rule.Metric, rule.Severity));
    }

    [Fact]
    public void Validate_FullRequest_KeepsEveryField()
    {
        var request = new AlertRuleRequest(
            "orders-errors", "operation", "error-rate",
            new AlertRuleSelector { Namespace = "shop", App = "orders", Operation = "POST /orders/{id}", Labels = new() { ["pod"] = "orders-1" } },
            0.05, "<", "1h30m", "info", "{{ $labels.operation }} errors {{ $value }}", "line\nline", "https://runbooks.example.com/x");

        var rule = AlertRuleSamples.Rule(request);

        Assert.Equal(
            ("orders-errors", 0.05, "<", "1h30m", "info", "https://runbooks.example.com/x", "tests"),
            (rule.Name, rule.Threshold, rule.Comparison, rule.For, rule.Severity, rule.RunbookUrl, rule.UpdatedBy));
        Assert.Equal("POST /orders/{id}", rule.Selector.Operation);
        Assert.Equal("orders-1", rule.Selector.Labels!["pod"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("30s")]
    [InlineData("1h30m")]
    [InlineData("500ms")]
    [InlineData("1w")]
    public void Validate_PrometheusDuration_Accepted(string duration) =>
        AlertRuleSamples.Rule(AlertRuleSamples.NodeCpu() with { For = duration });

    [Fact]
    public void Validate_BodyNameDiffersFromRoute_ReportsName()
    {
        var (_, errors) = AlertRuleValidator.Validate(AlertRuleSamples.NodeCpu("other"), "node-cpu-high", AlertRuleSamples.Now, "tests");

        Assert.Contains("name", errors.Keys);
    }

    [Fact]
    public void Validate_NoBodyName_TakesRouteName()
    {
        var (rule, _) = AlertRuleValidator.Validate(AlertRuleSamples.NodeCpu() with { Name = null }, "from-route", AlertRuleSamples.Now, "tests");

        Assert.Equal("from-route", rule?.Name);
    }
}
