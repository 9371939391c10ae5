using System.Text.Json;

namespace Periscope.Functions.Catalog;

/// <summary>How parse diagnostics are stored and served: camelCase, as every other catalog response.</summary>
internal static class DiagnosticJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
