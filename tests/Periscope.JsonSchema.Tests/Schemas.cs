using System.Text.Json;

namespace Periscope.JsonSchema.Tests;

/// <summary>Compiles a schema written as JSON text and validates an instance written the same way.</summary>
internal static class Schemas
{
    public static IReadOnlyList<SchemaError> Validate(string schema, string instance, JsonSchemaOptions? options = null, int maxErrors = 100)
    {
        using var schemaDocument = JsonDocument.Parse(schema);
        using var instanceDocument = JsonDocument.Parse(instance);
        return JsonSchemaValidator.Compile(schemaDocument.RootElement, options ?? JsonSchemaOptions.Default)
            .Validate(instanceDocument.RootElement, maxErrors);
    }

    public static bool IsValid(string schema, string instance, JsonSchemaOptions? options = null) =>
        Validate(schema, instance, options).Count == 0;

    /// <summary>The single error the instance must produce.</summary>
    public static SchemaError SingleError(string schema, string instance, JsonSchemaOptions? options = null)
    {
        var errors = Validate(schema, instance, options);
        return Assert.Single(errors);
    }

    public static JsonSchemaException CompileFails(string schema)
    {
        using var document = JsonDocument.Parse(schema);
        return Assert.Throws<JsonSchemaException>(() => JsonSchemaValidator.Compile(document.RootElement));
    }
}
