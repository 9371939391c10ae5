using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Api;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator.Selectors;

/// <summary>
/// Label selectors in both forms: the query-string syntax of <c>labelSelector=</c> (equality-based and
/// set-based: <c>a=b</c>, <c>a!=b</c>, <c>a in (x,y)</c>, <c>a notin (x)</c>, <c>a</c>, <c>!a</c>) and the
/// metav1.LabelSelector object (matchLabels, matchExpressions) used by webhook namespace/object selectors.
/// </summary>
internal sealed class LabelSelector(IReadOnlyList<LabelRequirement> requirements)
{
    public static readonly LabelSelector Everything = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> labels) => requirements.All(r => r.Matches(labels));

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<LabelRequirement>();
        foreach (var term in SplitTerms(text))
        {
            requirements.Add(ParseTerm(term.Trim(), text));
        }

        return new LabelSelector(requirements);
    }

    /// <summary>An empty selector object matches everything; a null one too, as webhook selectors default.</summary>
    public static LabelSelector FromObject(JsonNode? selector)
    {
        if (selector is not JsonObject obj)
        {
            return Everything;
        }

        var requirements = new List<LabelRequirement>();
        if (obj["matchLabels"] is JsonObject matchLabels)
        {
            requirements.AddRange(matchLabels.Select(p => new LabelRequirement(p.Key, SelectorOperator.Equals, [Json.Str(p.Value) ?? ""])));
        }

        if (obj["matchExpressions"] is JsonArray expressions)
        {
            foreach (var e in expressions.OfType<JsonObject>())
            {
                var op = Json.Str(e["operator"]) switch
                {
                    "In" => SelectorOperator.In,
                    "NotIn" => SelectorOperator.NotIn,
                    "Exists" => SelectorOperator.Exists,
                    _ => SelectorOperator.DoesNotExist,
                };
                var values = (e["values"] as JsonArray)?.Select(v => Json.Str(v) ?? "").ToList() ?? [];
                requirements.Add(new LabelRequirement(Json.Str(e["key"]) ?? "", op, values));
            }
        }

        return new LabelSelector(requirements);
    }

    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static LabelRequirement ParseTerm(string term, string whole)
    {
        if (term.StartsWith('!'))
        {
            return new(term[1..].Trim(), SelectorOperator.DoesNotExist, []);
        }

        foreach (var (word, op) in new[] { (" notin ", SelectorOperator.NotIn), (" in ", SelectorOperator.In) })
        {
            var at = term.IndexOf(word, StringComparison.Ordinal);
            if (at > 0)
            {
                var set = term[(at + word.Length)..].Trim();
                if (!set.StartsWith('(') || !set.EndsWith(')'))
                {
                    throw ApiError.BadRequest($"unable to parse requirement: found '{set}', expected: '('");
                }

                var values = set[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                return new(term[..at].Trim(), op, values);
            }
        }

        foreach (var (token, op) in new[] { ("!=", SelectorOperator.NotEquals), ("==", SelectorOperator.Equals), ("=", SelectorOperator.Equals) })
        {
            var at = term.IndexOf(token, StringComparison.Ordinal);
            if (at > 0)
            {
                return new(term[..at].Trim(), op, [term[(at + token.Length)..].Trim()]);
            }
        }

        if (term.Length == 0 || term.Contains(' ', StringComparison.Ordinal))
        {
            throw ApiError.BadRequest($"unable to parse requirement: invalid label selector \"{whole}\"");
        }

        return new(term, SelectorOperator.Exists, []);
    }
}
