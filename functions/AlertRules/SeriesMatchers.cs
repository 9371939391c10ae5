using Periscope.Functions.Monitoring;

namespace Periscope.Functions.AlertRules;

/// <summary>
/// A rule's selector as PromQL matchers: <see cref="Identity"/> (namespace, pod, node, app, operation — labels every
/// vector of a template carries) and <see cref="Extra"/> (the selector's <c>labels</c>, on the watched metric only,
/// since the divisor of a ratio often comes from another exporter without them).
/// </summary>
internal sealed record SeriesMatchers(IReadOnlyList<string> Identity, IReadOnlyList<string> Extra)
{
    public static SeriesMatchers From(AlertRuleSelector selector, string nodeLabel)
    {
        var identity = new List<string>();
        Add(identity, "namespace", selector.Namespace);
        Add(identity, nodeLabel, selector.Node);
        Add(identity, "pod", selector.Pod);
        Add(identity, "container", selector.Container);
        Add(identity, "app_id", selector.App);
        if (selector.Operation is { } operation)
        {
            var (method, template) = SplitOperation(operation);
            Add(identity, "method", method);
            Add(identity, "operation", template);
        }

        var extra = (selector.Labels ?? [])
            .OrderBy(label => label.Key, StringComparer.Ordinal)
            .Select(label => Equal(label.Key, label.Value))
            .ToList();
        return new SeriesMatchers(identity, extra);
    }

    /// <summary><c>GET /orders/{id}</c> → (GET, /orders/{id}); a bare template has no method.</summary>
    public static (string? Method, string Template) SplitOperation(string operation)
    {
        var space = operation.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && operation[..space].All(char.IsAsciiLetterUpper)
            ? (operation[..space], operation[(space + 1)..])
            : (null, operation);
    }

    /// <summary>The watched metric's selector: the template's fixed matchers, the identity and the extra labels.</summary>
    public string Watched(params string[] fixedMatchers) => Braces([.. fixedMatchers, .. Identity, .. Extra]);

    /// <summary>Another vector's selector (a divisor): fixed matchers and the identity only.</summary>
    public string Related(params string[] fixedMatchers) => Braces([.. fixedMatchers, .. Identity]);

    /// <summary>
    /// <c>name="value"</c>: the value goes through functions/Monitoring's <see cref="PromQl.String"/> (Go's escapes), so
    /// whatever a caller sends stays inside one string literal; names are validated label names.
    /// </summary>
    private static string Equal(string name, string value) => name + "=" + PromQl.String(value);

    private static string Braces(IEnumerable<string> matchers)
    {
        var joined = string.Join(",", matchers);
        return joined.Length == 0 ? string.Empty : "{" + joined + "}";
    }

    private static void Add(List<string> matchers, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            matchers.Add(Equal(label, value));
        }
    }
}
