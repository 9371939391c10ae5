using System.Text.Json;
using Periscope.Forwarding;

namespace Periscope.Functions.Invoke;

/// <summary>
/// The path prefix requests carry in front of a document's <c>paths</c> keys: OpenAPI 3.1 §4.8.9 (Paths
/// Object) appends each path "to the expanded URL from the Server Object's url field". Taken from the
/// normalised document's first server, when literal (a path with <c>{variables}</c> cannot be known without
/// choosing values, so it counts as none). The sidecar's traffic matching reads server URLs with the same
/// <see cref="ServerPrefix"/>.
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

    /// <summary>
    /// The literal path of an absolute (<c>https://api.example.com/v1</c>) or relative (<c>/v1</c>) server URL
    /// (<see cref="ServerPrefix.FromServerUrl"/>), and none when <see cref="InvokePathGuard"/> refuses it: the
    /// gateway puts it in front of the path it sends, which must not climb out of the app.
    /// </summary>
    public static string FromServerUrl(string? url)
    {
        var path = ServerPrefix.FromServerUrl(url);
        return InvokePathGuard.Check(path.Length == 0 ? "/" : path) is not null ? string.Empty : path;
    }
}
