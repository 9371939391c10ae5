namespace Periscope.OpenApi.Schemas;

/// <summary>How a JSON Schema keyword holds subschemas.</summary>
internal enum SchemaKeywordKind
{
    /// <summary>The value is not a schema (type, enum, examples, discriminator, extensions...).</summary>
    None,

    /// <summary>The value is one schema (items, not, additionalProperties...).</summary>
    Single,

    /// <summary>The value is an array of schemas (allOf, anyOf, oneOf, prefixItems).</summary>
    Array,

    /// <summary>The value maps names to schemas (properties, patternProperties, $defs...).</summary>
    Map,
}
