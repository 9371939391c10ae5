namespace Periscope.Forwarding;

/// <summary>
/// The path prefix requests carry in front of a document's <c>paths</c> keys. OpenAPI 3.1 §4.8.9 (Paths
/// Object): a path "is appended to the expanded URL from the Server Object's url field"; Swagger 2.0
/// §Paths: "The field name MUST begin with a slash. The path is appended to the basePath". The sidecar
/// strips it when matching traffic; the gateway puts it in front of an operation's path.
/// </summary>
public static class ServerPrefix
{
    /// <summary>Swagger 2.0's <c>basePath</c>, which "MUST start with a leading slash".</summary>
    public static string FromBasePath(string? basePath) =>
        basePath is ['/', ..] && !basePath.Contains('{', StringComparison.Ordinal) ? Trim(basePath) : string.Empty;

    /// <summary>
    /// The path of a server URL, absolute (<c>https://api.example.com/v1</c>) or relative (<c>/api/v3</c>),
    /// without a trailing slash, when it is literal: a path with server variables (<c>/{basePath}</c>)
    /// cannot be known without choosing their values, so it counts as none. A relative URL without a
    /// leading slash is relative to where the document was served (OpenAPI 3.1 §4.8.5); it is treated as
    /// relative to the root, where apps almost always serve their documents.
    /// </summary>
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
        else if (text is "." || text.StartsWith("../", StringComparison.Ordinal) || text is "..")
        {
            return string.Empty;
        }
        else if (!text.StartsWith('/'))
        {
            return text.Contains('{') ? string.Empty : Trim("/" + text.ToString());
        }

        return text.Contains('{') ? string.Empty : Trim(text.ToString());
    }

    private static string Trim(string path) => path.TrimEnd('/');
}
