using System.Globalization;
using Periscope.Catalog.Contracts;
using Periscope.Functions.Monitoring;
using static Periscope.Functions.AlertRules.AlertRuleVocabulary;

namespace Periscope.Functions.AlertRules;

/// <summary>
/// Checks an <see cref="AlertRuleRequest"/>, collecting every problem by field for a 400's <c>errors</c>
/// (RFC 9457 §3.2), and builds the <see cref="AlertRule"/> when there are none.
/// </summary>
internal static class AlertRuleValidator
{
    public const int MaxSummaryLength = 500;
    public const int MaxDescriptionLength = 4000;
    public const int MaxRunbookUrlLength = 2000;
    public const int MaxOperationLength = 500;
    public const int MaxLabels = 20;
    public const int MaxLabelValueLength = 500;

    /// <summary>Route words under <c>alerts/rules/</c> that a rule may not be named, or its GET would be shadowed.</summary>
    public static IReadOnlySet<string> ReservedNames { get; } = new HashSet<string>(StringComparer.Ordinal) { "render" };

    public static (AlertRule? Rule, Dictionary<string, string[]> Errors) Validate(
        AlertRuleRequest request, string? routeName, DateTimeOffset now, string? caller)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = request.Name ?? routeName;
        if (ResourceNames.CheckLabel("name", name) is { } badName)
        {
            errors["name"] = [badName];
        }
        else if (ReservedNames.Contains(name!))
        {
            errors["name"] = [$"'{name}' is reserved (GET /api/alerts/rules/{name} is another function); choose another name."];
        }
        else if (routeName is not null && request.Name is not null && request.Name != routeName)
        {
            errors["name"] = [$"'name' in the body ('{request.Name}') differs from the name in the path ('{routeName}'); rules are renamed by DELETE and POST."];
        }

        var target = Word(request.Target, Targets, "target", errors);
        var metric = Word(request.Metric, Metrics, "metric", errors);
        if (target is not null && metric is not null && !MetricTemplates.Supports(target, metric))
        {
            errors["metric"] = [$"Target '{target}' has no metric '{metric}'; it has {string.Join(", ", MetricTemplates.MetricsOf(target))}."];
        }

        var selector = request.Selector ?? new AlertRuleSelector();
        if (target is not null)
        {
            CheckSelector(selector, target, errors);
        }

        CheckThreshold(request.Threshold, metric, errors);
        var comparison = request.Comparison ?? Above;
        if (comparison is not (Above or Below))
        {
            errors["comparison"] = [$"'comparison' must be '>' (fire above the threshold, the default) or '<'; got '{Truncate(comparison)}'."];
        }

        var forDuration = request.For ?? DefaultFor;
        if (!PrometheusDuration.IsValid(forDuration))
        {
            errors["for"] = [$"'for' must be a Prometheus duration such as '30s', '5m' or '1h30m' (units ms, s, m, h, d, w, y), at most {PrometheusDuration.MaxFor.TotalDays:0} days; got '{Truncate(forDuration)}'."];
        }

        var severity = Word(request.Severity ?? "warning", Severities, "severity", errors);
        CheckText(request.Summary, "summary", MaxSummaryLength, multiline: false, errors);
        CheckText(request.Description, "description", MaxDescriptionLength, multiline: true, errors);
        CheckRunbook(request.RunbookUrl, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var rule = new AlertRule(
            name!, target!, metric!, Normalize(selector), request.Threshold!.Value, comparison, forDuration, severity!,
            Blank(request.Summary), Blank(request.Description), Blank(request.RunbookUrl), now, now, caller);
        return (rule, errors);
    }

    private static string? Word(string? value, IReadOnlyList<string> allowed, string field, Dictionary<string, string[]> errors)
    {
        var word = value?.Trim().ToLowerInvariant();
        if (word is not null && allowed.Contains(word))
        {
            return word;
        }

        errors[field] = [$"'{field}' must be one of {string.Join(", ", allowed)}; got {(value is null ? "nothing" : $"'{Truncate(value)}'")}."];
        return null;
    }

    private static void CheckSelector(AlertRuleSelector selector, string target, Dictionary<string, string[]> errors)
    {
        var allowed = SelectorFields[target];
        void Check(string field, string? value, Func<string, string?, string?> rule)
        {
            if (value is null)
            {
                return;
            }

            if (!allowed.Contains(field))
            {
                errors[$"selector.{field}"] = [$"'selector.{field}' does not apply to target '{target}', which reads {string.Join(", ", allowed)}."];
            }
            else if (rule($"selector.{field}", value) is { } problem)
            {
                errors[$"selector.{field}"] = [problem];
            }
        }

        Check("namespace", selector.Namespace, ResourceNames.CheckLabel);
        Check("node", selector.Node, CheckNode);
        Check("pod", selector.Pod, ResourceNames.CheckSubdomain);
        Check("container", selector.Container, ResourceNames.CheckLabel);
        Check("app", selector.App, ResourceNames.CheckLabel);
        Check("operation", selector.Operation, CheckOperation);
        if (selector.Labels is not { } labels)
        {
            return;
        }

        if (!allowed.Contains("labels"))
        {
            errors["selector.labels"] = [$"'selector.labels' does not apply to target '{target}'."];
            return;
        }

        if (labels.Count > MaxLabels)
        {
            errors["selector.labels"] = [$"At most {MaxLabels} labels; got {labels.Count}."];
            return;
        }

        foreach (var (key, value) in labels)
        {
            var field = $"selector.labels.{Truncate(key)}";
            if (!PromQl.IsLabelName(key) || key.StartsWith("__", StringComparison.Ordinal))
            {
                errors[field] = [$"'{Truncate(key)}' is not a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with '__', which is reserved)."];
            }
            else if (value is null || value.Length == 0 || value.Length > MaxLabelValueLength || value.Any(char.IsControl))
            {
                errors[field] = [$"A label value must be 1 to {MaxLabelValueLength} characters without control characters."];
            }
        }
    }

    /// <summary>A node as node_exporter's <c>instance</c> names it: a node name (RFC 1123 subdomain) or <c>host:port</c> locally.</summary>
    private static string? CheckNode(string field, string? value) =>
        MonitoringNames.IsNode(value) ? null
        : $"'{field}' must be a node name (RFC 1123 subdomain), optionally with ':port' as node_exporter's instance label has it; got '{Truncate(value ?? "")}'.";

    private static string? CheckOperation(string field, string? value)
    {
        if (value is null || value.Length == 0 || value.Length > MaxOperationLength || value.Any(char.IsControl))
        {
            return $"'{field}' must be an operation's path template such as '/orders/{{id}}' or 'GET /orders/{{id}}', 1 to {MaxOperationLength} characters without control characters.";
        }

        var (_, template) = SeriesMatchers.SplitOperation(value);
        return template.StartsWith('/') || template == "unattributed" ? null
            : $"'{field}' must be a path template starting with '/' (optionally after an upper-case method and a space); got '{Truncate(value)}'.";
    }

    private static void CheckThreshold(double? threshold, string? metric, Dictionary<string, string[]> errors)
    {
        if (threshold is not { } value || !double.IsFinite(value))
        {
            errors["threshold"] = ["'threshold' is required: a finite number."];
            return;
        }

        if (metric is null)
        {
            return;
        }

        if (IsRatio(metric) && value is < 0 or > 1)
        {
            errors["threshold"] = [$"'{metric}' thresholds are {UnitOf(metric)} (0.9 is 90%); got {value.ToString(CultureInfo.InvariantCulture)}."];
        }
        else if (value < 0)
        {
            errors["threshold"] = [$"'{metric}' thresholds are {UnitOf(metric)}, never negative; got {value.ToString(CultureInfo.InvariantCulture)}."];
        }
    }

    private static void CheckText(string? value, string field, int maxLength, bool multiline, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength || value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\t')))
        {
            errors[field] = [$"'{field}' must be at most {maxLength} characters{(multiline ? ", with no control characters but newlines and tabs" : " on one line")}."];
        }
        else if (AnnotationTemplate.Check(value) is { } problem)
        {
            errors[field] = [problem];
        }
    }

    private static void CheckRunbook(string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > MaxRunbookUrlLength
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            errors["runbookUrl"] = [$"'runbookUrl' must be an absolute http or https URL of at most {MaxRunbookUrlLength} characters."];
        }
    }

    private static AlertRuleSelector Normalize(AlertRuleSelector selector) => selector with
    {
        Namespace = Blank(selector.Namespace),
        Node = Blank(selector.Node),
        Pod = Blank(selector.Pod),
        Container = Blank(selector.Container),
        App = Blank(selector.App),
        Operation = Blank(selector.Operation),
        Labels = selector.Labels is { Count: > 0 } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : null,
    };

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Truncate(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
