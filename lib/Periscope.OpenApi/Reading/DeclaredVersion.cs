using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Periscope.OpenApi.Reading;

/// <summary>The <c>swagger</c> or <c>openapi</c> field of a document: what makes JSON an OpenAPI document.</summary>
/// <param name="Kind">The specification family; null for a version this library does not read.</param>
/// <param name="Text">The version as declared, for example "3.0.3".</param>
internal sealed record DeclaredVersion(SpecificationKind? Kind, string Text)
{
    /// <summary>Why a document of this version is not read.</summary>
    public string UnsupportedMessage =>
        $"Version '{Text}' is not supported; Swagger 2.0 and OpenAPI 3.0.x and 3.1.x are.";

    /// <summary>Finds the declared version, or explains in <paramref name="error"/> why the content has none.</summary>
    /// <remarks>
    /// YAML authors often write <c>swagger: 2.0</c> unquoted, which YAML types as a number; the field is
    /// rewritten as the string the specification requires (Swagger 2.0 §"Swagger Object": the value MUST be "2.0").
    /// </remarks>
    public static DeclaredVersion? Find(JsonNode? root, List<ParseDiagnostic> diagnostics, out string? error)
    {
        error = null;
        if (root is not JsonObject document)
        {
            error = "The content is not a JSON or YAML object, so it is not an OpenAPI document.";
            return null;
        }

        if (document["openapi"] is JsonNode openApi)
        {
            var text = AsString(document, "openapi", openApi, diagnostics);
            var kind = text.StartsWith("3.0", StringComparison.Ordinal) ? SpecificationKind.OpenApi30
                : text.StartsWith("3.1", StringComparison.Ordinal) ? SpecificationKind.OpenApi31
                : (SpecificationKind?)null;
            return new DeclaredVersion(kind, text);
        }

        if (document["swagger"] is JsonNode swagger)
        {
            var text = AsString(document, "swagger", swagger, diagnostics);
            return new DeclaredVersion(text == "2.0" ? SpecificationKind.Swagger20 : null, text);
        }

        error = "The document has no 'openapi' or 'swagger' field, so it is not an OpenAPI or Swagger document.";
        return null;
    }

    private static string AsString(JsonObject document, string field, JsonNode value, List<ParseDiagnostic> diagnostics)
    {
        if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
        {
            return scalar.GetValue<string>();
        }

        var text = value is JsonValue number && number.GetValueKind() == JsonValueKind.Number
            ? NumberAsVersion(number)
            : value.ToJsonString();
        diagnostics.Add(ParseDiagnostic.WarningAt($"'{field}' must be a string; read {value.ToJsonString()} as \"{text}\".", "/" + field));
        document[field] = text;
        return text;
    }

    // 2.0 and 3.1 arrive as numbers 2 or 2.0 and 3.1; print them with one decimal at least.
    private static string NumberAsVersion(JsonValue number)
    {
        var raw = number.ToJsonString();
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return raw;
        }

        return value == decimal.Truncate(value)
            ? value.ToString("0.0", CultureInfo.InvariantCulture)
            : value.ToString(CultureInfo.InvariantCulture);
    }
}
