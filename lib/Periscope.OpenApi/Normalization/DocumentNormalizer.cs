using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Periscope.OpenApi.Reading;

namespace Periscope.OpenApi.Normalization;

/// <summary>Reads a document with Microsoft.OpenApi and writes it back as OpenAPI 3.1 JSON.</summary>
/// <remarks>
/// The library upgrades Swagger 2.0 (body and formData parameters become request bodies, definitions become
/// components, host/basePath/schemes become servers) and 3.0 (nullable becomes a type array, boolean
/// exclusiveMinimum becomes numeric) when it serializes as 3.1; <see cref="SourcePreparer"/> and
/// <see cref="NormalizedFixups"/> cover what it misses. External references are never fetched.
/// </remarks>
internal static class DocumentNormalizer
{
    // Never dereferenced (external references are not loaded); the reader wants a location for the document.
    private static readonly Uri Location = new("https://periscope.invalid/openapi.json");

    private static readonly JsonDocumentOptions ReparseOptions = new() { MaxDepth = 512 };

    /// <summary>Returns the 3.1 document, or null when the library produced no usable model.</summary>
    public static JsonObject? Normalize(JsonObject source, SpecificationKind kind, List<ParseDiagnostic> diagnostics) =>
        Read(source, kind, diagnostics) is { } document ? Write(document, kind, diagnostics) : null;

    /// <summary>Prepares <paramref name="source"/> (changing it) and reads it into the library's model; null when that failed.</summary>
    internal static OpenApiDocument? Read(JsonObject source, SpecificationKind kind, List<ParseDiagnostic> diagnostics)
    {
        SourcePreparer.Prepare(source, kind, diagnostics);

        ReadResult result;
        try
        {
            result = new OpenApiJsonReader().Read(source, Location, new OpenApiReaderSettings { LoadExternalRefs = false });
        }
        catch (OpenApiException exception)
        {
            diagnostics.Add(ParseDiagnostic.ErrorAt($"The OpenAPI reader rejected the document: {exception.Message}", ToPointer(exception.Pointer)));
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Microsoft.OpenApi 2.13 throws (NullReferenceException, for one) on some fragments, such as a
            // boolean schema as a property, instead of reporting them; SourcePreparer avoids the known ones.
            diagnostics.Add(ParseDiagnostic.ErrorAt($"The OpenAPI reader failed on this document ({exception.GetType().Name}: {exception.Message})."));
            return null;
        }

        AddLibraryDiagnostics(result.Diagnostic, diagnostics);
        if (result.Document is null)
        {
            if (!diagnostics.Any(d => d.Severity == ParseDiagnostic.Error))
            {
                diagnostics.Add(ParseDiagnostic.ErrorAt("The OpenAPI reader produced no document."));
            }

            return null;
        }

        return result.Document;
    }

    /// <summary>Writes the model as OpenAPI 3.1 JSON with our fix-ups; null when it cannot be written.</summary>
    internal static JsonObject? Write(OpenApiDocument document, SpecificationKind kind, List<ParseDiagnostic> diagnostics)
    {
        var normalized = WriteAsOpenApi31(document, diagnostics);
        if (normalized is not null)
        {
            NormalizedFixups.Apply(normalized, kind);
        }

        return normalized;
    }

    private static JsonObject? WriteAsOpenApi31(OpenApiDocument document, List<ParseDiagnostic> diagnostics)
    {
        using var writer = new StringWriter();
        try
        {
            document.SerializeAsV31(new OpenApiJsonWriter(writer, new OpenApiJsonWriterSettings { Terse = true }));

            // Reparsing also checks the library's output: it has been seen to write invalid tokens such as True.
            return JsonNode.Parse(writer.ToString(), documentOptions: ReparseOptions) as JsonObject;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            diagnostics.Add(ParseDiagnostic.ErrorAt($"The document could not be written as OpenAPI 3.1 JSON: {exception.Message}"));
            return null;
        }
    }

    private static void AddLibraryDiagnostics(OpenApiDiagnostic? diagnostic, List<ParseDiagnostic> diagnostics)
    {
        if (diagnostic is null)
        {
            return;
        }

        foreach (var error in diagnostic.Errors)
        {
            diagnostics.Add(ParseDiagnostic.ErrorAt(error.Message, ToPointer(error.Pointer)));
        }

        foreach (var warning in diagnostic.Warnings)
        {
            diagnostics.Add(ParseDiagnostic.WarningAt(warning.Message, ToPointer(warning.Pointer)));
        }
    }

    // The library reports URI fragments ("#/info/title"); an RFC 6901 pointer drops the '#'.
    private static string? ToPointer(string? fragment) =>
        fragment is { Length: > 1 } && fragment.StartsWith("#/", StringComparison.Ordinal) ? fragment[1..] : null;
}
