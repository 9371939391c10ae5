namespace Periscope.Functions.AlertRules;

/// <summary>The body of <c>POST /api/alerts/rules</c> and <c>PUT /api/alerts/rules/{name}</c>, as sent; see <see cref="AlertRuleValidator"/>.</summary>
internal sealed record AlertRuleRequest(
    string? Name,
    string? Target,
    string? Metric,
    AlertRuleSelector? Selector,
    double? Threshold,
    string? Comparison,
    string? For,
    string? Severity,
    string? Summary,
    string? Description,
    string? RunbookUrl);
