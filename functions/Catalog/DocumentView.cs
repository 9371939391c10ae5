using System.Text.Json;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>The current document's facts and its parse diagnostics, without the document itself.</summary>
internal sealed record DocumentView(
    long Version, string Hash, string Status, string? SourceVersion, string ContentType, string? SourcePath,
    DateTimeOffset ReceivedAt, string? Title, string? ApiVersion, string? Description, JsonElement Diagnostics)
{
    public static DocumentView From(DocumentRecord document)
    {
        using var diagnostics = JsonDocument.Parse(document.DiagnosticsJson);
        return new DocumentView(
            document.Version, document.Hash, ServiceSummary.StatusName(document.Status), document.SourceVersion,
            document.ContentType, document.SourcePath, document.ReceivedAt, document.Title, document.ApiVersion,
            document.Description, diagnostics.RootElement.Clone());
    }
}
