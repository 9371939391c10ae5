namespace Periscope.Functions.AlertRules;

/// <summary>
/// A validated threshold rule: fire when <see cref="Metric"/> of each <see cref="Target"/> the selector
/// matches stays <see cref="Comparison"/> <see cref="Threshold"/> for <see cref="For"/>.
/// Target, metric, comparison and severity hold the canonical lowercase words of <see cref="AlertRuleVocabulary"/>.
/// </summary>
internal sealed record AlertRule(
    string Name,
    string Target,
    string Metric,
    AlertRuleSelector Selector,
    double Threshold,
    string Comparison,
    string For,
    string Severity,
    string? Summary,
    string? Description,
    string? RunbookUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? UpdatedBy);
