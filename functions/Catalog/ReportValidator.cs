using System.Buffers;
using System.Net;
using Periscope.Catalog.Contracts;

namespace Periscope.Functions.Catalog;

/// <summary>Checks a report's identity, endpoint, document and traffic fields; every problem found is listed, by field.</summary>
internal static class ReportValidator
{
    /// <summary>Media types an app may serve its document as. Others (text/html, say) mean it was not a document.</summary>
    private static readonly string[] DocumentMediaTypes =
    [
        "application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
        "application/vnd.oai.openapi", "application/vnd.oai.openapi+json", "text/plain", "application/octet-stream",
    ];

    private static readonly SearchValues<char> LowercaseHex = SearchValues.Create("0123456789abcdef");

    public static Dictionary<string, string[]> Validate(CatalogReport report)
    {
        var errors = new Dictionary<string, string[]>();
        Add(errors, "appId", ResourceNames.CheckLabel("appId", report.AppId));
        Add(errors, "namespace", ResourceNames.CheckLabel("namespace", report.Namespace));
        Add(errors, "pod", ResourceNames.CheckSubdomain("pod", report.Pod));
        Add(errors, "container", ResourceNames.CheckLabel("container", report.Container));
        Add(errors, "endpoint.address", CheckAddress(report.Endpoint?.Address));
        Add(errors, "endpoint.port", report.Endpoint?.Port is >= 1 and <= 65535 ? null : "'endpoint.port' must be a TCP port from 1 to 65535.");
        Add(errors, "heartbeatAt", report.HeartbeatAt is null ? "'heartbeatAt' is required (RFC 3339 time of the heartbeat)." : null);
        Add(errors, "documentHash", CheckHash(report.DocumentHash));
        if (report.Document is { } document)
        {
            Add(errors, "document.content", string.IsNullOrEmpty(document.Content) ? "'document.content' must hold the document text." : null);
            Add(errors, "document.contentType", CheckMediaType(document.ContentType));
            Add(errors, "document.sourcePath", document.SourcePath is null || (document.SourcePath.StartsWith('/') && document.SourcePath.Length <= 2048)
                ? null : "'document.sourcePath' must be an absolute path on the app, such as /openapi.json.");
        }

        if (report.Traffic is { } traffic)
        {
            TrafficValidator.Validate(traffic, errors);
        }

        return errors;
    }

    public static bool IsJsonMediaType(string? contentType) =>
        contentType is not null && MediaType(contentType) is var media && (media == "application/json" || media.EndsWith("+json", StringComparison.Ordinal));

    private static string? CheckAddress(string? address) =>
        address is not null && (IPAddress.TryParse(address, out _) || Uri.CheckHostName(address) == UriHostNameType.Dns) && address.Length <= 253
            ? null
            : "'endpoint.address' must be an IP address or a DNS name.";

    private static string? CheckHash(string? hash) =>
        hash is null || (hash.StartsWith(DocumentHash.Prefix, StringComparison.Ordinal) && hash.Length == DocumentHash.Prefix.Length + 64
                         && hash.AsSpan(DocumentHash.Prefix.Length).ContainsAnyExcept(LowercaseHex) is false)
            ? null
            : "'documentHash' must be 'sha256:' followed by 64 lowercase hex digits.";

    private static string? CheckMediaType(string? contentType)
    {
        var media = contentType is null ? "" : MediaType(contentType);
        return DocumentMediaTypes.Contains(media) || media.EndsWith("+json", StringComparison.Ordinal) || media.EndsWith("+yaml", StringComparison.Ordinal)
            ? null
            : $"'document.contentType' must be a JSON or YAML media type; '{contentType}' is not an OpenAPI document.";
    }

    private static string MediaType(string contentType) => contentType.Split(';', 2)[0].Trim().ToLowerInvariant();

    public static void Add(Dictionary<string, string[]> errors, string field, string? error)
    {
        if (error is not null)
        {
            errors[field] = [error];
        }
    }
}
