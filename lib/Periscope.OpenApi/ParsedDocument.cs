namespace Periscope.OpenApi;

/// <summary>What <see cref="OpenApiDocumentParser"/> understood of one reported document.</summary>
/// <param name="Succeeded">
/// False when the text is not a Swagger/OpenAPI document at all or nothing usable could be read;
/// a document with errors whose model is still usable succeeds and carries error diagnostics.
/// </param>
/// <param name="SourceVersion">The declared version: "2.0", "3.0.3", "3.1.0", ...</param>
/// <param name="Title">info.title.</param>
/// <param name="ApiVersion">info.version.</param>
/// <param name="Description">info.description.</param>
/// <param name="NormalizedJson">
/// The document as compact OpenAPI 3.1 JSON; null when not <paramref name="Succeeded"/>. It nests as deep as
/// the source did (up to 256 levels), which can be more than System.Text.Json's default MaxDepth of 64.
/// </param>
/// <param name="Diagnostics">Errors and warnings, in the order found.</param>
/// <param name="Operations">The path operations, in document order.</param>
public sealed record ParsedDocument(
    bool Succeeded,
    string? SourceVersion,
    string? Title,
    string? ApiVersion,
    string? Description,
    string? NormalizedJson,
    IReadOnlyList<ParseDiagnostic> Diagnostics,
    IReadOnlyList<ApiOperation> Operations)
{
    internal static ParsedDocument Failed(string? sourceVersion, IReadOnlyList<ParseDiagnostic> diagnostics) =>
        new(false, sourceVersion, null, null, null, null, diagnostics, []);
}
