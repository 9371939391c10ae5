using System.Text.Json;

namespace Periscope.Functions.Invoke;

/// <summary>
/// The path prefix requests carry in front of a document's <c>paths</c> keys: OpenAPI 3.1 §4.8.9 (Paths
/// Object) appends each path "to the expanded URL from the Server Object's url field". Taken from the
/// normalised document's first server, when literal (a path with <c>{variables}</c> cannot be known without
/// choosing values, so it counts as none). The sidecar's traffic matching reads it the same way
/// (sidecar/Traffic/ServerPrefix.cs).
/// </summary>
internal static class ServerPathPrefix
{
    /// <summary>The prefix (e.g. <c>/api/v3</c>, no trailing slash) of a normalised OpenAPI 3.1 document; empty for none.</summary>
    public static string FromDocument(string? normalizedJson)
    {
        if (string.IsNullOrEmpty(normalizedJson))
        {
            return string.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(normalizedJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("servers", out var servers)
                && servers.ValueKind == JsonValueKind.Array
                && servers.GetArrayLength() > 0
                && servers[0].ValueKind == JsonValueKind.Object
                && servers[0].TryGetProperty("url", out var url)
                && url.ValueKind == JsonValueKind.String
                    ? FromServerUrl(url.GetString())
                    : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    /// <summary>The literal path of an absolute (<c>https://api.example.com/v1</c>) or relative (<c>/v1</c>) server URL.</summary>
    public static string FromServerUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return string.Empty;
        }

        var text = url.AsSpan().Trim();
        var end = text.IndexOfAny('?', '#');
        if (end >= 0)
        {
            text = text[..end];
        }

        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0 || text.StartsWith("//", StringComparison.Ordinal))
        {
            // RFC 3986 §3.2: the authority runs to the next slash; a variable there ({host}) is fine.
            var authority = text[(scheme >= 0 ? scheme + 3 : 2)..];
            var slash = authority.IndexOf('/');
            text = slash >= 0 ? authority[slash..] : [];
        }
        else if (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text[1..];
        }
        else if (text is "." or ".." || text.StartsWith("../", StringComparison.Ordinal))
        {
            return string.Empty;
        }
        else if (!text.StartsWith('/'))
        {
            text = ("/" + text.ToString()).AsSpan();
        }

        var path = text.ToString().TrimEnd('/');
        return path.Contains('{', StringComparison.Ordinal) || InvokePathGuard.Check(path.Length == 0 ? "/" : path) is not null ? string.Empty : path;
    }
}
