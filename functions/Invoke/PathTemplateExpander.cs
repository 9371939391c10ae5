using System.Text;

namespace Periscope.Functions.Invoke;

/// <summary>
/// Fills an OpenAPI path template (<c>/orders/{id}</c>) with values, RFC 6570 simple expansion (§3.2.2): each
/// <c>{name}</c> is replaced by its value percent-encoded as one segment, <c>/</c> included, so no value can
/// add or climb segments; literal text of the template stays as the document wrote it.
/// </summary>
internal static class PathTemplateExpander
{
    /// <param name="template">The path template, starting with '/'.</param>
    /// <param name="expandedValues">Each variable's expansion (already encoded by <see cref="ParameterSerializer.PathValue"/>).</param>
    /// <returns>The path; a variable without a value expands to nothing, as RFC 6570 §3.2.1 says for undefined ones.</returns>
    public static string Expand(string template, IReadOnlyDictionary<string, string> expandedValues)
    {
        var path = new StringBuilder(template.Length + 32);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                path.Append(template, position, template.Length - position);
                break;
            }

            path.Append(template, position, open - position);
            if (expandedValues.TryGetValue(template[(open + 1)..close], out var value))
            {
                path.Append(value);
            }

            position = close + 1;
        }

        return path.ToString();
    }
}
