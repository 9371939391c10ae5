using System.Text.RegularExpressions;

namespace Periscope.Functions.AlertRules;

/// <summary>
/// Summaries and descriptions are Go templates once Prometheus reads them (prometheus.io/docs/prometheus/latest/
/// configuration/template_reference/). One template that fails to parse makes Prometheus reject the whole rule
/// file, everyone's rules with it, so a caller may use only the actions listed here: <c>{{ $value }}</c> with an
/// optional humanize function, and <c>{{ $labels.name }}</c>. Anything else that opens an action is refused.
/// </summary>
internal static partial class AnnotationTemplate
{
    public static string? Check(string text)
    {
        var rest = AllowedAction().Replace(text, string.Empty);
        return rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal)
            ? "Only these template actions are allowed: {{ $value }}, {{ $value | humanize }} (humanize1024, humanizePercentage, humanizeDuration too) and {{ $labels.<label> }}."
            : null;
    }

    [GeneratedRegex(@"\{\{\s*(?:\$value(?:\s*\|\s*(?:humanize|humanize1024|humanizePercentage|humanizeDuration))?|\$labels\.[a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex AllowedAction();
}
