using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Periscope.Functions.AlertRules;

/// <summary>
/// Writes rendered rules as YAML: a Prometheus rule file (<c>groups:</c>, prometheus.io/docs/prometheus/latest/
/// configuration/recording_rules/#configuring-rules) or a Prometheus Operator <c>PrometheusRule</c>
/// (monitoring.coreos.com/v1, whose <c>spec</c> is the same <c>groups</c>). Every string is a YAML double-quoted
/// scalar with JSON's escapes, which YAML 1.2 double-quoted scalars accept unchanged (yaml.org/spec/1.2.2 §5.7), so
/// no value can end its scalar or start another key.
/// </summary>
internal static class RuleYaml
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string RuleFile(string groupName, IReadOnlyList<RenderedAlertRule> rules)
    {
        var yaml = new StringBuilder()
            .AppendLine("# Written by Periscope from its threshold rules (/api/alerts/rules); changes here are overwritten.");
        Groups(yaml, groupName, rules, indent: "");
        return yaml.ToString();
    }

    public static string PrometheusRule(
        string name, string ns, IReadOnlyDictionary<string, string> labels, string groupName, IReadOnlyList<RenderedAlertRule> rules)
    {
        var yaml = new StringBuilder()
            .AppendLine("apiVersion: monitoring.coreos.com/v1")
            .AppendLine("kind: PrometheusRule")
            .AppendLine("metadata:")
            .Append("  name: ").AppendLine(Quote(name))
            .Append("  namespace: ").AppendLine(Quote(ns));
        if (labels.Count > 0)
        {
            yaml.AppendLine("  labels:");
            foreach (var (key, value) in labels.OrderBy(label => label.Key, StringComparer.Ordinal))
            {
                yaml.Append("    ").Append(Quote(key)).Append(": ").AppendLine(Quote(value));
            }
        }

        yaml.AppendLine("spec:");
        Groups(yaml, groupName, rules, indent: "  ");
        return yaml.ToString();
    }

    /// <summary>
    /// A double-quoted scalar. U+2028, U+2029 and U+0085 are line breaks to YAML 1.1 readers (yaml.org/spec/1.1 §5.4)
    /// and would fold inside the scalar, so they are escaped too, as is the byte-order mark.
    /// </summary>
    public static string Quote(string value) => JsonSerializer.Serialize(value, Quoting)
        .Replace("\u2028", @"\u2028", StringComparison.Ordinal)
        .Replace("\u2029", @"\u2029", StringComparison.Ordinal)
        .Replace("\u0085", @"\u0085", StringComparison.Ordinal)
        .Replace("\uFEFF", @"\uFEFF", StringComparison.Ordinal);

    private static void Groups(StringBuilder yaml, string groupName, IReadOnlyList<RenderedAlertRule> rules, string indent)
    {
        // An empty file loads as no groups; a group without rules is refused by neither, but says nothing.
        if (rules.Count == 0)
        {
            yaml.Append(indent).AppendLine("groups: []");
            return;
        }

        yaml.Append(indent).AppendLine("groups:")
            .Append(indent).Append("  - name: ").AppendLine(Quote(groupName))
            .Append(indent).AppendLine("    rules:");
        var item = indent + "      ";
        foreach (var rule in rules)
        {
            yaml.Append(item).Append("- alert: ").AppendLine(Quote(rule.Alert))
                .Append(item).Append("  expr: ").AppendLine(Quote(rule.Expr))
                .Append(item).Append("  for: ").AppendLine(Quote(rule.For));
            Map(yaml, item + "  ", "labels", rule.Labels);
            Map(yaml, item + "  ", "annotations", rule.Annotations);
        }
    }

    private static void Map(StringBuilder yaml, string indent, string key, IReadOnlyList<KeyValuePair<string, string>> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        yaml.Append(indent).Append(key).AppendLine(":");
        foreach (var (name, value) in entries)
        {
            yaml.Append(indent).Append("  ").Append(name).Append(": ").AppendLine(Quote(value));
        }
    }
}
