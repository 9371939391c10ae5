using System.Collections.Frozen;

namespace Periscope.OpenApi.Schemas;

/// <summary>The keywords of JSON Schema 2020-12 whose values are subschemas, as used by OpenAPI 3.x.</summary>
/// <remarks>
/// From JSON Schema Core 2020-12 §10 (applicators) and §11 (unevaluated*), Validation §8.2.4 (contentSchema),
/// plus draft-04/2019-09 spellings that OpenAPI 3.0 documents use (definitions, additionalItems).
/// </remarks>
internal static class SchemaKeywords
{
    private static readonly FrozenDictionary<string, SchemaKeywordKind> Kinds = new Dictionary<string, SchemaKeywordKind>(StringComparer.Ordinal)
    {
        ["items"] = SchemaKeywordKind.Single,
        ["additionalItems"] = SchemaKeywordKind.Single,
        ["additionalProperties"] = SchemaKeywordKind.Single,
        ["not"] = SchemaKeywordKind.Single,
        ["if"] = SchemaKeywordKind.Single,
        ["then"] = SchemaKeywordKind.Single,
        ["else"] = SchemaKeywordKind.Single,
        ["contains"] = SchemaKeywordKind.Single,
        ["propertyNames"] = SchemaKeywordKind.Single,
        ["unevaluatedItems"] = SchemaKeywordKind.Single,
        ["unevaluatedProperties"] = SchemaKeywordKind.Single,
        ["contentSchema"] = SchemaKeywordKind.Single,
        ["allOf"] = SchemaKeywordKind.Array,
        ["anyOf"] = SchemaKeywordKind.Array,
        ["oneOf"] = SchemaKeywordKind.Array,
        ["prefixItems"] = SchemaKeywordKind.Array,
        ["properties"] = SchemaKeywordKind.Map,
        ["patternProperties"] = SchemaKeywordKind.Map,
        ["dependentSchemas"] = SchemaKeywordKind.Map,
        ["$defs"] = SchemaKeywordKind.Map,
        ["definitions"] = SchemaKeywordKind.Map,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static SchemaKeywordKind KindOf(string keyword) =>
        Kinds.TryGetValue(keyword, out var kind) ? kind : SchemaKeywordKind.None;

    /// <summary>Keywords that only annotate a schema; beside a <c>$ref</c> they refine it rather than add constraints.</summary>
    public static bool IsAnnotation(string keyword) =>
        keyword is "title" or "description" or "summary" or "default" or "examples" or "example" or "deprecated"
            or "readOnly" or "writeOnly" or "$comment" or "externalDocs" or "xml"
        || keyword.StartsWith("x-", StringComparison.Ordinal);
}
