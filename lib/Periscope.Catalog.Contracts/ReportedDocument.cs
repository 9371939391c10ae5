using System.Text.Json.Serialization;

namespace Periscope.Catalog.Contracts;

/// <summary>An OpenAPI document exactly as the app served it.</summary>
public sealed record ReportedDocument
{
    /// <summary>The media type the app answered with, e.g. <c>application/json</c> or <c>application/yaml</c>.</summary>
    [JsonPropertyName("contentType")] public string? ContentType { get; init; }

    /// <summary>The document text (UTF-8 decoded).</summary>
    [JsonPropertyName("content")] public string? Content { get; init; }

    /// <summary>The path on the app the document was fetched from, e.g. <c>/openapi/v1.json</c>.</summary>
    [JsonPropertyName("sourcePath")] public string? SourcePath { get; init; }
}
