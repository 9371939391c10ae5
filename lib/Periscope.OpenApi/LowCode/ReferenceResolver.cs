using System.Text.Json;
using System.Text.Json.Nodes;
using Periscope.OpenApi.Json;

namespace Periscope.OpenApi.LowCode;

/// <summary>Resolves local <c>$ref</c>s of a normalized document, once each, and reports those that point nowhere.</summary>
/// <remarks>
/// Only references inside the document (<c>#/...</c>) are followed: the catalog has no business fetching
/// other URLs a reported document names. Each unresolvable reference is reported once, unless the OpenAPI
/// reader already reported it.
/// </remarks>
internal sealed class ReferenceResolver
{
    private const int MaxChain = 32;

    private readonly JsonObject _document;
    private readonly List<ParseDiagnostic> _diagnostics;
    private readonly Dictionary<string, JsonNode?> _resolved = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unresolved = new(StringComparer.Ordinal);

    public ReferenceResolver(JsonObject document, List<ParseDiagnostic> diagnostics)
    {
        _document = document;
        _diagnostics = diagnostics;
    }

    /// <summary>Returns the node <paramref name="reference"/> points to; <paramref name="found"/> is false when it points nowhere.</summary>
    public JsonNode? Resolve(string reference, string where, out bool found)
    {
        if (_resolved.TryGetValue(reference, out var cached))
        {
            found = true;
            return cached;
        }

        found = !_unresolved.Contains(reference);
        if (!found)
        {
            return null;
        }

        var target = JsonPointer.ResolveLocalReference(_document, reference, out found);
        if (found)
        {
            _resolved[reference] = target;
        }
        else
        {
            ReportUnresolved(reference, where);
        }

        return target;
    }

    /// <summary>
    /// Follows a chain of Reference Objects (to a parameter, request body, response, header or example) to
    /// the object at its end; null when the chain breaks or loops.
    /// </summary>
    public JsonObject? Follow(JsonNode? node, string where)
    {
        var current = node;
        for (var hop = 0; hop < MaxChain; hop++)
        {
            if (current is not JsonObject obj)
            {
                return null;
            }

            if (ReferenceOf(obj) is not { } reference)
            {
                return obj;
            }

            current = Resolve(reference, where, out var found);
            if (!found)
            {
                return null;
            }
        }

        _diagnostics.Add(ParseDiagnostic.WarningAt($"A chain of references is longer than {MaxChain} or loops; it is ignored.", where));
        return null;
    }

    /// <summary>The <c>$ref</c> of an object, when it has a string one.</summary>
    public static string? ReferenceOf(JsonObject obj) =>
        obj["$ref"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private void ReportUnresolved(string reference, string where)
    {
        _unresolved.Add(reference);
        var quoted = $"'{reference}'";
        if (_diagnostics.Any(d => d.Message.Contains(quoted, StringComparison.Ordinal)))
        {
            return;
        }

        var why = reference.StartsWith('#') ? "points to nothing in the document" : "is not a local reference and is not fetched";
        _diagnostics.Add(ParseDiagnostic.WarningAt($"The reference {quoted} {why}; the low-code view keeps it as an unresolved marker.", where));
    }
}
