namespace Periscope.OpenApi.Reading;

/// <summary>Decides whether a document is JSON or YAML from its declared media type and its first character.</summary>
/// <remarks>
/// The text wins over the media type: servers often send <c>openapi.yaml</c> as <c>text/plain</c> or even
/// <c>application/json</c>. A JSON OpenAPI document is an object, so it starts with '{' after whitespace
/// and an optional byte-order mark; anything else is read as YAML. A declared YAML media type keeps
/// YAML even for text starting with '{', because YAML flow mappings (<c>{openapi: 3.0.0}</c>) start so too.
/// </remarks>
internal static class ContentFormatDetector
{
    public static ContentFormat Detect(string content, string? contentType)
    {
        if (IsYamlMediaType(contentType))
        {
            return ContentFormat.Yaml;
        }

        return FirstSignificantChar(content) == '{' ? ContentFormat.Json : ContentFormat.Yaml;
    }

    private static bool IsYamlMediaType(string? contentType) =>
        contentType is not null
        && (contentType.Contains("yaml", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("yml", StringComparison.OrdinalIgnoreCase));

    private static char FirstSignificantChar(string content)
    {
        foreach (var c in content)
        {
            if (c != '\uFEFF' && !char.IsWhiteSpace(c))
            {
                return c;
            }
        }

        return '\0';
    }
}
