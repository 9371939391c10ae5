using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Periscope.Forwarding;

/// <summary>Copies the destination's status line and headers to the client's response, minus hop-by-hop headers.</summary>
public static class ForwardedResponse
{
    /// <summary>
    /// Whether the response carries a body: never for HEAD, 204 or 304 (RFC 9110 §6.4.1), whatever its
    /// headers say.
    /// </summary>
    public static bool HasBody(string method, int status) =>
        status is not (StatusCodes.Status204NoContent or StatusCodes.Status304NotModified) && !HttpMethods.IsHead(method);

    /// <exception cref="InvalidOperationException">A header value Kestrel refuses to send (control or non-ASCII characters).</exception>
    public static void CopyStatusAndHeaders(HttpResponseMessage source, HttpContext context)
    {
        var response = context.Response;
        var status = (int)source.StatusCode;
        response.StatusCode = status;
        if (source.ReasonPhrase is { } reason && reason != ReasonPhrases.GetReasonPhrase(status)
            && context.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            feature.ReasonPhrase = reason;
        }

        // Raw values as received: a proxy passes them on without re-parsing (and keeps each value of a
        // multi-value header such as Set-Cookie separate).
        var listed = source.Headers.NonValidated.TryGetValues(HeaderNames.Connection, out var connection)
            ? HopByHopHeaders.ListedIn(connection)
            : null;
        Copy(source.Headers.NonValidated, response.Headers, listed);
        Copy(source.Content.Headers.NonValidated, response.Headers, listed);

        // RFC 9112 §6.3: with Transfer-Encoding, a received Content-Length is removed before forwarding.
        // RFC 9110 §8.6: a 204 never carries Content-Length.
        if (source.Headers.NonValidated.Contains(HeaderNames.TransferEncoding) || status == StatusCodes.Status204NoContent)
        {
            response.Headers.Remove(HeaderNames.ContentLength);
        }
    }

    private static void Copy(HttpHeadersNonValidated source, IHeaderDictionary destination, HashSet<string>? listed)
    {
        foreach (var (name, values) in source)
        {
            if (HopByHopHeaders.IsHopByHop(name) || listed?.Contains(name) == true)
            {
                continue;
            }

            destination[name] = values.Count == 1 ? new StringValues(values.ToString()) : new StringValues([.. values]);
        }
    }
}
