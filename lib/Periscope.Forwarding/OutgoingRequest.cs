using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Periscope.Forwarding;

/// <summary>
/// Pieces of building the request a proxy sends on: its target as received, its method, and each header
/// the proxy decided to pass (which headers to pass is the caller's decision; <see cref="HopByHopHeaders"/>
/// are never among them).
/// </summary>
public static class OutgoingRequest
{
    /// <summary>
    /// For a target that goes out exactly as the client escaped it: no dot-segment removal or unescaping by
    /// <see cref="Uri"/> (a proxy forwards the target it received, RFC 9110 §7.6). Build the URI by
    /// concatenating the destination's scheme and authority with the path, never by resolving against it,
    /// so nothing in the path can change scheme, host or port.
    /// </summary>
    public static readonly UriCreationOptions AsReceived = new() { DangerousDisablePathAndQueryCanonicalization = true };

    /// <summary>The shared <see cref="HttpMethod"/> instance for the common methods, so none is allocated for them.</summary>
    public static HttpMethod MethodOf(string method) => method switch
    {
        _ when HttpMethods.IsGet(method) => HttpMethod.Get,
        _ when HttpMethods.IsPost(method) => HttpMethod.Post,
        _ when HttpMethods.IsPut(method) => HttpMethod.Put,
        _ when HttpMethods.IsDelete(method) => HttpMethod.Delete,
        _ when HttpMethods.IsPatch(method) => HttpMethod.Patch,
        _ when HttpMethods.IsHead(method) => HttpMethod.Head,
        _ when HttpMethods.IsOptions(method) => HttpMethod.Options,
        _ => new HttpMethod(method),
    };

    /// <summary>Adds one of the client's headers, unvalidated, to the request or, for a content header, its content.</summary>
    public static void AddHeader(HttpRequestMessage request, string name, StringValues values)
    {
        // Several Cookie lines arrive joined by commas; a Cookie header separates pairs with "; "
        // (RFC 6265 §5.4), as YARP's RequestUtilities does.
        if (values.Count > 1 && name.Equals(HeaderNames.Cookie, StringComparison.OrdinalIgnoreCase))
        {
            values = string.Join("; ", values.ToArray());
        }

        if (Add(request.Headers, name, values))
        {
            return;
        }

        // A content header (Content-Type, Content-Language, …) belongs on the content; a request
        // without a body gets an empty one to carry it.
        request.Content ??= new ByteArrayContent([]);
        Add(request.Content.Headers, name, values);
    }

    /// <summary>
    /// A single value goes in as a string: through <see cref="IEnumerable{T}"/> the values would be boxed, enumerated
    /// through a boxed enumerator and kept in a per-header list, for the one value nearly every header has.
    /// </summary>
    private static bool Add(HttpHeaders headers, string name, StringValues values) =>
        values.Count == 1
            ? headers.TryAddWithoutValidation(name, values[0])
            : headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
}
