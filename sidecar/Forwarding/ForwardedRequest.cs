using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Periscope.Forwarding;

namespace Periscope.Sidecar.Forwarding;

/// <summary>Builds the request to the destination from the client's: method, target, headers, streamed body.</summary>
internal static class ForwardedRequest
{
    public static HttpRequestMessage Create(
        HttpRequest source, Uri destination, string pathAndQuery, CancellationToken cancellation, out RequestBodyContent? body)
    {
        // Concatenated, not resolved against the destination: "//host/x" must stay a path on it.
        var target = new Uri(
            string.Concat(destination.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped), pathAndQuery), OutgoingRequest.AsReceived);
        var request = new HttpRequestMessage(OutgoingRequest.MethodOf(source.Method), target);

        body = HasBody(source)
            ? new RequestBodyContent(source.Body, source.Headers.ContainsKey(HeaderNames.TransferEncoding) ? null : source.ContentLength, cancellation)
            : null;
        request.Content = body;
        CopyHeaders(source.Headers, request);
        if (body is not null && !source.Headers.ContainsKey(HeaderNames.TransferEncoding) && source.ContentLength is { } length)
        {
            // RFC 9112 §6.3: with Transfer-Encoding, a received Content-Length is removed before forwarding.
            body.Headers.ContentLength = length;
        }

        return request;
    }

    private static void CopyHeaders(IHeaderDictionary headers, HttpRequestMessage request)
    {
        var listed = headers.TryGetValue(HeaderNames.Connection, out var connection) ? HopByHopHeaders.ListedIn(connection) : null;
        foreach (var (name, values) in headers)
        {
            // Host becomes the destination's authority (HttpClient sets it from the URI, as YARP's
            // default transform does); HTTP/2 pseudo-headers (":authority") are not headers; the
            // content's length is set from the body above.
            if (name.StartsWith(':')
                || name.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase)
                || name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
                || HopByHopHeaders.IsHopByHop(name)
                || listed?.Contains(name) == true)
            {
                continue;
            }

            OutgoingRequest.AddHeader(request, name, values);
        }
    }

    /// <summary>
    /// Whether the client sends a body: Kestrel knows (no Content-Length and no Transfer-Encoding, or
    /// Content-Length: 0, means none on HTTP/1.1; HTTP/2 says so per stream). Without a body no content
    /// is sent, so a GET gets no Transfer-Encoding: chunked; SocketsHttpHandler still sends
    /// Content-Length: 0 for a POST, PUT or PATCH without content (the tests check both).
    /// </summary>
    private static bool HasBody(HttpRequest source) =>
        source.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { } detection
            ? detection.CanHaveBody
            : source.ContentLength > 0 || source.Headers.ContainsKey(HeaderNames.TransferEncoding);
}
