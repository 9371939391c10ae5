using System.Text.Json;
using Periscope.JsonSchema.Compilation;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema;

/// <summary>
/// A compiled JSON Schema (draft 2020-12) that validates instances and lists every failure with its JSON
/// Pointer. Compile once and share: validation never changes the compiled schema, so any number of threads
/// may validate at once.
/// </summary>
public sealed class JsonSchemaValidator
{
    private readonly SchemaNode _root;
    private readonly JsonSchemaOptions _options;

    private JsonSchemaValidator(SchemaNode root, JsonSchemaOptions options)
    {
        _root = root;
        _options = options;
    }

    /// <summary>Compiles a schema with the default options; a schema that is not one throws <see cref="JsonSchemaException"/>.</summary>
    public static JsonSchemaValidator Compile(JsonElement schema) => Compile(schema, JsonSchemaOptions.Default);

    /// <summary>Compiles a schema; a schema that is not one throws <see cref="JsonSchemaException"/>.</summary>
    public static JsonSchemaValidator Compile(JsonElement schema, JsonSchemaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (schema.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("The schema is an undefined JsonElement.", nameof(schema));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDepth, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RegexMatchTimeout, TimeSpan.Zero, nameof(options));
        return new JsonSchemaValidator(SchemaCompiler.Compile(schema, options), options);
    }

    /// <summary>Every failure (at most <paramref name="maxErrors"/>), in evaluation order; empty when valid.</summary>
    public IReadOnlyList<SchemaError> Validate(JsonElement instance, int maxErrors = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxErrors, 1);
        if (instance.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("The instance is an undefined JsonElement.", nameof(instance));
        }

        var context = new EvaluationContext(_options, maxErrors);
        _root.Evaluate(context, instance, InstanceLocation.Root, null);
        return context.Errors;
    }
}
