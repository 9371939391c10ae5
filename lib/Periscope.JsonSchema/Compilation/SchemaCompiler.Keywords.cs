using System.Text.Json;
using Periscope.JsonSchema.Evaluation;
using Periscope.JsonSchema.Formats;
using Periscope.JsonSchema.Json;
using Periscope.JsonSchema.Keywords;

namespace Periscope.JsonSchema.Compilation;

/// <summary>The keywords of one schema object, in the order they are evaluated.</summary>
/// <remarks>
/// References and <c>type</c> come first so their errors lead; <c>unevaluatedItems</c> and
/// <c>unevaluatedProperties</c> come last because they depend on what every other keyword evaluated (Core
/// 2020-12 §11). Keywords this library does not know, annotations and <c>x-</c> extensions are ignored (Core §6.5).
/// </remarks>
internal sealed partial class SchemaCompiler
{
    private Keyword[] CompileKeywords(JsonElement schema, string pointer, Uri baseUri, out bool needsAnnotations)
    {
        var keywords = new List<Keyword>();
        foreach (var keyword in (ReadOnlySpan<string>)["$ref", "$dynamicRef"])
        {
            if (schema.TryGetProperty(keyword, out var reference))
            {
                var compiled = new RefKeyword(RequireString(reference, keyword, pointer));
                _unlinked.Enqueue((compiled, baseUri, pointer));
                keywords.Add(compiled);
            }
        }

        if (schema.TryGetProperty("$defs", out var definitions))
        {
            // Compiled now so that their $id and anchors are known before references are linked.
            SchemaMap(definitions, "$defs", pointer, baseUri);
        }

        if (schema.TryGetProperty("type", out var type))
        {
            keywords.Add(TypeKeyword.Compile(type, Where(pointer)));
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            keywords.Add(EnumKeyword.Compile(values, Where(pointer)));
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            keywords.Add(new ConstKeyword(constant));
        }

        AddNumberKeywords(schema, pointer, keywords);
        AddStringKeywords(schema, pointer, keywords);
        AddObjectKeywords(schema, pointer, baseUri, keywords);
        AddArrayKeywords(schema, pointer, baseUri, keywords);
        AddApplicators(schema, pointer, baseUri, keywords);

        needsAnnotations = false;
        if (schema.TryGetProperty("unevaluatedItems", out var unevaluatedItems))
        {
            keywords.Add(new UnevaluatedItemsKeyword(Subschema(unevaluatedItems, "unevaluatedItems", pointer, baseUri)));
            needsAnnotations = true;
        }

        if (schema.TryGetProperty("unevaluatedProperties", out var unevaluatedProperties))
        {
            keywords.Add(new UnevaluatedPropertiesKeyword(Subschema(unevaluatedProperties, "unevaluatedProperties", pointer, baseUri)));
            needsAnnotations = true;
        }

        return [.. keywords];
    }

    private static void AddNumberKeywords(JsonElement schema, string pointer, List<Keyword> keywords)
    {
        if (schema.TryGetProperty("multipleOf", out var multipleOf))
        {
            keywords.Add(MultipleOfKeyword.Compile(multipleOf, Where(pointer)));
        }

        // OpenAPI 3.0 (like draft 4) writes exclusiveMinimum/exclusiveMaximum as booleans that make
        // minimum/maximum exclusive; 2020-12 makes them numbers of their own (Validation §6.2.3, §6.2.5).
        foreach (var (keyword, exclusiveKeyword, upper) in (ReadOnlySpan<(string, string, bool)>)[("minimum", "exclusiveMinimum", false), ("maximum", "exclusiveMaximum", true)])
        {
            var exclusive = schema.TryGetProperty(exclusiveKeyword, out var exclusiveValue) ? exclusiveValue : default;
            if (schema.TryGetProperty(keyword, out var limit))
            {
                var makesExclusive = exclusive.ValueKind == JsonValueKind.True;
                keywords.Add(new NumberLimitKeyword(makesExclusive ? exclusiveKeyword : keyword, RequireNumber(limit, keyword, pointer), upper, makesExclusive));
            }

            if (exclusive.ValueKind == JsonValueKind.Number)
            {
                keywords.Add(new NumberLimitKeyword(exclusiveKeyword, JsonNumber.From(exclusive), upper, exclusive: true));
            }
            else if (exclusive.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.True or JsonValueKind.False))
            {
                throw new JsonSchemaException($"'{exclusiveKeyword}' at {Where(pointer)} must be a number.");
            }
        }
    }

    private void AddStringKeywords(JsonElement schema, string pointer, List<Keyword> keywords)
    {
        if (schema.TryGetProperty("minLength", out var minLength))
        {
            keywords.Add(new StringLengthKeyword("minLength", RequireCount(minLength, "minLength", pointer), upper: false));
        }

        if (schema.TryGetProperty("maxLength", out var maxLength))
        {
            keywords.Add(new StringLengthKeyword("maxLength", RequireCount(maxLength, "maxLength", pointer), upper: true));
        }

        if (schema.TryGetProperty("pattern", out var pattern))
        {
            var text = RequireString(pattern, "pattern", pointer);
            keywords.Add(new PatternKeyword(_regexes.Get(text, Where(pointer + "/pattern")), text));
        }

        if (_options.AssertFormat && schema.TryGetProperty("format", out var format)
            && format.ValueKind == JsonValueKind.String && FormatCheck.Find(format.GetString()!) is { } check)
        {
            keywords.Add(new FormatKeyword(check));
        }
    }

    private void AddObjectKeywords(JsonElement schema, string pointer, Uri baseUri, List<Keyword> keywords)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            keywords.Add(new RequiredKeyword(RequireStrings(required, "required", pointer)));
        }

        if (schema.TryGetProperty("dependentRequired", out var dependentRequired))
        {
            var dependencies = RequireObject(dependentRequired, "dependentRequired", pointer).EnumerateObject()
                .Select(entry => KeyValuePair.Create(entry.Name, RequireStrings(entry.Value, "dependentRequired", pointer)));
            keywords.Add(new DependentRequiredKeyword([.. dependencies]));
        }

        AddCount(schema, "minProperties", pointer, upper: false, keywords);
        AddCount(schema, "maxProperties", pointer, upper: true, keywords);

        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasPatterns = schema.TryGetProperty("patternProperties", out var patternProperties);
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        if (hasProperties || hasPatterns || hasAdditional)
        {
            var named = hasProperties ? SchemaMap(properties, "properties", pointer, baseUri) : [];
            var patterns = hasPatterns
                ? SchemaMap(patternProperties, "patternProperties", pointer, baseUri)
                    .Select(entry => (_regexes.Get(entry.Key, Where($"{pointer}/patternProperties")), entry.Key, entry.Value)).ToArray()
                : [];
            keywords.Add(new PropertiesKeyword(named, patterns, hasAdditional ? Subschema(additional, "additionalProperties", pointer, baseUri) : null));
        }

        if (schema.TryGetProperty("propertyNames", out var propertyNames))
        {
            keywords.Add(new PropertyNamesKeyword(Subschema(propertyNames, "propertyNames", pointer, baseUri)));
        }

        if (schema.TryGetProperty("dependentSchemas", out var dependentSchemas))
        {
            keywords.Add(new DependentSchemasKeyword([.. SchemaMap(dependentSchemas, "dependentSchemas", pointer, baseUri)]));
        }
    }

    private void AddArrayKeywords(JsonElement schema, string pointer, Uri baseUri, List<Keyword> keywords)
    {
        AddCount(schema, "minItems", pointer, upper: false, keywords);
        AddCount(schema, "maxItems", pointer, upper: true, keywords);
        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            keywords.Add(new UniqueItemsKeyword());
        }

        SchemaNode[] prefix = [];
        SchemaNode? rest = null;
        if (schema.TryGetProperty("prefixItems", out var prefixItems))
        {
            prefix = SchemaArray(prefixItems, "prefixItems", pointer, baseUri);
        }

        if (schema.TryGetProperty("items", out var items))
        {
            if (items.ValueKind == JsonValueKind.Array)
            {
                // Draft 2019-09 and earlier (and some OpenAPI 3.0 tools) wrote tuples as an items array with
                // additionalItems for the rest; read that way rather than refusing the schema.
                prefix = SchemaArray(items, "items", pointer, baseUri);
                rest = schema.TryGetProperty("additionalItems", out var additionalItems) ? Subschema(additionalItems, "additionalItems", pointer, baseUri) : null;
            }
            else
            {
                rest = Subschema(items, "items", pointer, baseUri);
            }
        }

        if (prefix.Length > 0 || rest is not null)
        {
            keywords.Add(new ItemsKeyword(prefix, rest));
        }

        if (schema.TryGetProperty("contains", out var contains))
        {
            var minimum = schema.TryGetProperty("minContains", out var minContains) ? RequireCount(minContains, "minContains", pointer) : 1;
            long? maximum = schema.TryGetProperty("maxContains", out var maxContains) ? RequireCount(maxContains, "maxContains", pointer) : null;
            keywords.Add(new ContainsKeyword(Subschema(contains, "contains", pointer, baseUri), minimum, maximum));
        }
    }

    private void AddApplicators(JsonElement schema, string pointer, Uri baseUri, List<Keyword> keywords)
    {
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            keywords.Add(new AllOfKeyword(SchemaArray(allOf, "allOf", pointer, baseUri)));
        }

        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            keywords.Add(new AnyOfKeyword(SchemaArray(anyOf, "anyOf", pointer, baseUri)));
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            keywords.Add(new OneOfKeyword(SchemaArray(oneOf, "oneOf", pointer, baseUri)));
        }

        if (schema.TryGetProperty("not", out var not))
        {
            keywords.Add(new NotKeyword(Subschema(not, "not", pointer, baseUri)));
        }

        // then and else without if do nothing (Core 2020-12 §10.2.2.2–10.2.2.3).
        if (schema.TryGetProperty("if", out var condition))
        {
            keywords.Add(new ConditionalKeyword(
                Subschema(condition, "if", pointer, baseUri),
                schema.TryGetProperty("then", out var then) ? Subschema(then, "then", pointer, baseUri) : null,
                schema.TryGetProperty("else", out var otherwise) ? Subschema(otherwise, "else", pointer, baseUri) : null));
        }
    }
}
