using System.Text.Json;
using System.Text.Json.Nodes;
using Periscope.OpenApi.Json;
using Periscope.OpenApi.Schemas;

namespace Periscope.OpenApi.LowCode;

/// <summary>Turns a schema of a normalized document into a self-contained one by inlining every <c>$ref</c>.</summary>
/// <remarks>
/// <list type="number">
/// <item>A reference already being expanded on the current path is a cycle: it is cut with a marker
/// (<c>x-periscope-cycle</c>) instead of being expanded again, so recursive models (a tree node with child
/// nodes) stay finite.</item>
/// <item>A reference that points nowhere is kept, flagged <c>x-periscope-unresolved</c>.</item>
/// <item>Nesting that would take the view deeper than <see cref="DefaultMaxDepth"/> containers, or growth
/// beyond the <see cref="ExpansionBudget"/>, is cut with an <c>x-periscope-truncated</c> marker.</item>
/// <item>An expansion depends on its context only through the references being expanded around it, which
/// it cuts if it reaches them. So an expansion that met no limit and cut only references it expanded itself
/// (a recursive <c>Node</c> cutting <c>Node</c>) is kept, with the set of references it reached, as an
/// immutable <see cref="JsonElement"/>; it is reused wherever none of the references around the use is in
/// that set, because there every cut and every expansion would come out the same. A reuse is a lazily
/// materialized node: it costs nothing until something changes it, and unchanged parts are written straight
/// from the element.</item>
/// <item><c>example</c> becomes <c>examples: [example]</c> (JSON Schema 2020-12 Validation §9.5), and
/// <c>$defs</c> are dropped because every reference into them is inlined.</item>
/// </list>
/// Sibling keywords of a <c>$ref</c> (allowed in 3.1, §4.8.24) that only annotate, such as a description,
/// refine the inlined schema; other siblings are combined with it through <c>allOf</c>.
/// Depths count nested JSON containers (objects and arrays) from the root of the whole view, the way
/// System.Text.Json's <c>MaxDepth</c> does.
/// </remarks>
internal sealed class SchemaInliner
{
    /// <summary>System.Text.Json's default <c>MaxDepth</c>, so that any consumer can parse a view with default options.</summary>
    public const int DefaultMaxDepth = 64;

    private readonly ReferenceResolver _resolver;
    private readonly ExpansionBudget _budget;
    private readonly int _maxDepth;
    private readonly Dictionary<string, CachedExpansion> _cache = new(StringComparer.Ordinal);
    private readonly List<string> _expanding = [];
    private string _where = string.Empty;

    // Of the current expansion: the outermost position in _expanding of a reference it cut, and the
    // references it reached (null outside any reference, where nothing is cached).
    private int _outermostCut;
    private HashSet<string>? _reached;
    private bool _limited;
    private int _deepest;

    public SchemaInliner(ReferenceResolver resolver, ExpansionBudget budget, int maxDepth = DefaultMaxDepth)
    {
        _resolver = resolver;
        _budget = budget;
        _maxDepth = maxDepth;
    }

    /// <summary>Whether a limit cut anything since the last <see cref="ResetTruncation"/>.</summary>
    public bool Truncated { get; private set; }

    public void ResetTruncation() => Truncated = false;

    /// <summary>Returns a copy of <paramref name="schema"/> with its references inlined.</summary>
    /// <param name="schema">The schema in the normalized document.</param>
    /// <param name="where">The JSON pointer of the operation, for diagnostics.</param>
    /// <param name="depth">How many containers deep the schema object will sit in the view, itself included.</param>
    public JsonNode? Inline(JsonNode? schema, string where, int depth)
    {
        _where = where;
        _expanding.Clear();
        (_outermostCut, _reached, _limited, _deepest) = (int.MaxValue, null, false, depth);
        return Expand(schema, depth);
    }

    // A schema object at `depth` is expanded only while its children (two levels down, under properties
    // or allOf) still fit; otherwise it becomes a marker with scalar members only.
    private JsonNode? Expand(JsonNode? node, int depth)
    {
        if (node is not JsonObject schema)
        {
            return CopyValue(node, depth - 1);
        }

        // _deepest records the depth this check needs, not only the depth reached, so a cached expansion is
        // reused only where expanding afresh would pass every check too.
        _deepest = Math.Max(_deepest, depth + 2);
        if (depth + 2 > _maxDepth)
        {
            return Limit(schema, $"nested deeper than {_maxDepth} levels");
        }

        if (!_budget.TrySpend(1))
        {
            return Limit(schema, "the expansion budget is spent");
        }

        return ReferenceResolver.ReferenceOf(schema) is { } reference
            ? ExpandReference(schema, reference, depth)
            : ExpandKeywords(schema, depth, new JsonObject());
    }

    private JsonObject ExpandKeywords(JsonObject schema, int depth, JsonObject into)
    {
        foreach (var (keyword, value) in schema)
        {
            if (keyword is "$ref" or "$defs" or "definitions")
            {
                continue;
            }

            if (keyword == "example")
            {
                if (!schema.ContainsKey("examples"))
                {
                    into["examples"] = new JsonArray(CopyValue(value, depth + 1));
                }

                continue;
            }

            into[keyword] = SchemaKeywords.KindOf(keyword) switch
            {
                SchemaKeywordKind.Single => Expand(value, depth + 1),
                SchemaKeywordKind.Array when value is JsonArray schemas => ExpandArray(schemas, depth + 1),
                SchemaKeywordKind.Map when value is JsonObject schemas => ExpandMap(schemas, depth + 1),
                _ => CopyValue(value, depth),
            };
        }

        return into;
    }

    private JsonArray ExpandArray(JsonArray schemas, int depth)
    {
        _deepest = Math.Max(_deepest, depth);
        var expanded = new JsonArray();
        foreach (var item in schemas)
        {
            expanded.Add(Expand(item, depth + 1));
        }

        return expanded;
    }

    private JsonObject ExpandMap(JsonObject schemas, int depth)
    {
        _deepest = Math.Max(_deepest, depth);
        var expanded = new JsonObject();
        foreach (var (name, item) in schemas)
        {
            expanded[name] = Expand(item, depth + 1);
        }

        return expanded;
    }

    private JsonNode? ExpandReference(JsonObject schema, string reference, int depth)
    {
        var cut = _expanding.IndexOf(reference);
        if (cut >= 0)
        {
            _outermostCut = Math.Min(_outermostCut, cut);
            return CycleMarker(reference);
        }

        var target = _resolver.Resolve(reference, _where, out var found);
        if (!found)
        {
            return new JsonObject { ["$ref"] = reference, ["x-periscope-unresolved"] = true };
        }

        // Siblings that constrain are combined as allOf: [target, siblings], two levels deeper.
        var combine = schema.Count > 1 && !schema.All(keyword => keyword.Key == "$ref" || SchemaKeywords.IsAnnotation(keyword.Key));
        var targetDepth = combine ? depth + 2 : depth;
        JsonNode? expanded;
        if (_cache.TryGetValue(reference, out var cached) && !ReachesAnyExpanding(cached.Reached)
            && targetDepth + cached.Height <= _maxDepth && _budget.TrySpend(cached.Size))
        {
            expanded = FromElement(cached.Schema);
            _deepest = Math.Max(_deepest, targetDepth + cached.Height);
            _reached?.UnionWith(cached.Reached);
        }
        else
        {
            expanded = ExpandTarget(reference, target, targetDepth);
        }

        if (schema.Count == 1 || (expanded is JsonObject marker && IsMarker(marker)))
        {
            return expanded;
        }

        if (!combine)
        {
            return ExpandKeywords(schema, depth, AsObject(expanded));
        }

        _deepest = Math.Max(_deepest, depth + 4);
        var siblings = depth + 4 > _maxDepth
            ? Limit(schema, $"nested deeper than {_maxDepth} levels")
            : ExpandKeywords(schema, depth + 2, new JsonObject());
        return new JsonObject { ["allOf"] = new JsonArray(expanded, siblings) };
    }

    private JsonNode? ExpandTarget(string reference, JsonNode? target, int depth)
    {
        var (outerCut, outerReached, outerLimited, outerDeepest) = (_outermostCut, _reached, _limited, _deepest);
        (_outermostCut, _reached, _limited, _deepest) = (int.MaxValue, new HashSet<string>(StringComparer.Ordinal) { reference }, false, depth);
        var spentBefore = _budget.OperationSpent;

        var position = _expanding.Count;
        _expanding.Add(reference);
        var expanded = Expand(target, depth);
        _expanding.RemoveAt(position);

        if (_outermostCut >= position && !_limited)
        {
            _cache[reference] = new CachedExpansion(
                JsonSerializer.SerializeToElement(expanded, JsonSerializerOptions.Default), _budget.OperationSpent - spentBefore, _deepest - depth, _reached);
        }

        outerReached?.UnionWith(_reached);
        _outermostCut = Math.Min(_outermostCut, outerCut);
        _reached = outerReached;
        _limited |= outerLimited;
        _deepest = Math.Max(_deepest, outerDeepest);
        return expanded;
    }

    private bool ReachesAnyExpanding(HashSet<string> reached)
    {
        foreach (var reference in _expanding)
        {
            if (reached.Contains(reference))
            {
                return true;
            }
        }

        return false;
    }

    private JsonObject CycleMarker(string reference)
    {
        var name = JsonPointer.LastToken(reference);
        var marker = new JsonObject();
        if (_resolver.Resolve(reference, _where, out _) is JsonObject target && target["type"] is { } type)
        {
            marker["type"] = type.DeepClone();
        }

        marker["title"] = name;
        marker["description"] = $"Recursive reference to {name} (cut)";
        marker["x-periscope-cycle"] = reference;
        return marker;
    }

    private JsonObject Limit(JsonObject schema, string reason)
    {
        _limited = true;
        Truncated = true;
        var marker = new JsonObject();
        if (schema["type"] is JsonValue type)
        {
            marker["type"] = type.DeepClone();
        }

        if (ReferenceResolver.ReferenceOf(schema) is { } reference)
        {
            marker["title"] = JsonPointer.LastToken(reference);
        }

        marker["x-periscope-truncated"] = reason;
        return marker;
    }

    // Copies a non-schema value (enum, default, examples, discriminator...) that becomes a member of a
    // container at `parentDepth`.
    private JsonNode? CopyValue(JsonNode? value, int parentDepth)
    {
        if (_budget.TryClone(value, _maxDepth - parentDepth, out var copy))
        {
            _deepest = Math.Max(_deepest, parentDepth + JsonTreeSize.Measure(copy).Height);
            return copy;
        }

        _limited = true;
        Truncated = true;
        return value is JsonObject or JsonArray && parentDepth < _maxDepth
            ? new JsonObject { ["x-periscope-truncated"] = "too large or too deep to copy" }
            : null;
    }

    private static JsonNode? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(element),
        JsonValueKind.Array => JsonArray.Create(element),
        JsonValueKind.Null => null,
        _ => JsonValue.Create(element),
    };

    private static bool IsMarker(JsonObject schema) =>
        schema.ContainsKey("x-periscope-cycle") || schema.ContainsKey("x-periscope-unresolved") || schema.ContainsKey("x-periscope-truncated");

    /// <summary>A schema as an object: boolean schemas (JSON Schema 2020-12 §4.3.2) become their object forms.</summary>
    internal static JsonObject AsObject(JsonNode? schema) => schema switch
    {
        JsonObject obj => obj,
        JsonValue value when value.TryGetValue<bool>(out var accepts) && !accepts => new JsonObject { ["not"] = new JsonObject() },
        _ => [],
    };

    private readonly record struct CachedExpansion(JsonElement Schema, long Size, int Height, HashSet<string> Reached);
}
