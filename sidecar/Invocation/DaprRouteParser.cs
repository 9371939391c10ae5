using System.Buffers;
using System.Text;
using Microsoft.Net.Http.Headers;
using Periscope.Catalog.Contracts;
using Periscope.Sidecar.Forwarding;

namespace Periscope.Sidecar.Invocation;

/// <summary>
/// Reads what a request to the Dapr port asks for, by hand: this is the hot path of every outbound call,
/// so no endpoint routing.
/// </summary>
/// <remarks>
/// The target app-id is looked for where daprd looks (dapr/dapr pkg/http/api_directmessaging.go,
/// <c>findTargetIDAndMethod</c>; docs.dapr.io, "How-To: Invoke services using HTTP", Additional URL
/// formats), in this order:
/// 1. a <c>dapr-app-id</c> header: the whole request target is the method on that app, so an app keeps
///    its own URLs, even ones that look like Dapr's own API;
/// 2. HTTP Basic credentials <c>dapr-app-id:{id}</c> (<c>http://dapr-app-id:orders@localhost:3500/path</c>);
/// 3. the URL <c>/v1.0/invoke/{app-id}/method/{method}</c>.
/// An app-id is <c>app</c> (the caller's namespace) or <c>app.namespace</c> (docs.dapr.io, "How to:
/// Service invocation across namespaces"); more dots are invalid, as in daprd's
/// <c>requestAppIDAndNamespace</c>.
/// </remarks>
internal static class DaprRouteParser
{
    public const string AppIdHeader = "dapr-app-id";

    private const string InvokePrefix = "/v1.0/invoke/";
    private const string MethodSeparator = "/method/";
    private const string BasicPrefix = "Basic ";
    private const string BasicUser = AppIdHeader + ":";

    /// <summary>daprd's message for a request that names no app-id (<c>ErrDirectInvokeNoAppID</c>), answered 404.</summary>
    public const string NoAppIdMessage = "failed getting app id either from the URL path or the header dapr-app-id";

    /// <param name="rawTarget">The request target as received (<c>IHttpRequestFeature.RawTarget</c>), escaping intact.</param>
    /// <param name="headers">The request's headers.</param>
    /// <param name="ownNamespace">The namespace of an app-id written without one.</param>
    public static DaprRoute Parse(string rawTarget, IHeaderDictionary headers, string ownNamespace)
    {
        if (SplitTarget(rawTarget) is not var (path, query))
        {
            return DaprRoute.Error(StatusCodes.Status400BadRequest, DaprErrorCodes.MalformedRequest, "the request target must be a path");
        }

        if (headers[AppIdHeader].ToString() is { Length: > 0 } headerAppId)
        {
            return Invocation(headerAppId, path, query, AppIdHeader, ownNamespace);
        }

        if (BasicAuthAppId(headers.Authorization.ToString()) is { } basicAppId)
        {
            return Invocation(basicAppId, path, query, HeaderNames.Authorization, ownNamespace);
        }

        if (path.StartsWith(InvokePrefix, StringComparison.Ordinal))
        {
            var rest = path[InvokePrefix.Length..];
            var separator = rest.IndexOf(MethodSeparator, StringComparison.Ordinal);
            if (separator <= 0)
            {
                return DaprRoute.Error(StatusCodes.Status404NotFound, DaprErrorCodes.DirectInvoke, NoAppIdMessage);
            }

            var method = rest[(separator + MethodSeparator.Length)..];
            if (method.Length == 0)
            {
                // docs.dapr.io, Service invocation API reference: 400 "Method name not given".
                return DaprRoute.Error(StatusCodes.Status400BadRequest, DaprErrorCodes.DirectInvoke, "invalid method name: the URL names no method after /method/");
            }

            return Invocation(Uri.UnescapeDataString(rest[..separator]), "/" + method, query, null, ownNamespace);
        }

        return path switch
        {
            "/v1.0/healthz" => new DaprRoute(DaprRouteKind.Healthz),
            "/v1.0/healthz/outbound" => new DaprRoute(DaprRouteKind.OutboundHealthz),
            "/v1.0/metadata" => new DaprRoute(DaprRouteKind.Metadata),
            "/v1.0/invoke" => DaprRoute.Error(StatusCodes.Status404NotFound, DaprErrorCodes.DirectInvoke, NoAppIdMessage),
            _ when path.StartsWith("/v1", StringComparison.Ordinal) => Unimplemented(path),
            // daprd routes anything else to service invocation, which finds no app-id (its invoke route is the fallback).
            _ => DaprRoute.Error(StatusCodes.Status404NotFound, DaprErrorCodes.DirectInvoke, NoAppIdMessage),
        };
    }

    private static DaprRoute Invocation(string appId, string path, string query, string? carrier, string ownNamespace)
    {
        if (appId.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || appId.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return DaprRoute.Error(StatusCodes.Status501NotImplemented, DaprErrorCodes.ApiUnimplemented,
                "invoking non-Dapr endpoints by URL is not supported by Periscope; invoke an app-id");
        }

        var dot = appId.IndexOf('.', StringComparison.Ordinal);
        var target = dot < 0 ? new AppKey(ownNamespace, appId) : new AppKey(appId[(dot + 1)..], appId[..dot]);
        if (!ResourceNames.IsLabel(target.AppId) || !ResourceNames.IsLabel(target.Namespace))
        {
            return DaprRoute.Error(StatusCodes.Status400BadRequest, DaprErrorCodes.DirectInvoke,
                $"invalid app id '{Shorten(appId)}': write app or app.namespace, each an RFC 1123 label");
        }

        return DaprRoute.Invoke(target, DotSegments.Remove(path) + query, carrier);
    }

    /// <summary>daprd's <c>ErrAPIUnimplemented</c> (501), naming the API asked for.</summary>
    private static DaprRoute Unimplemented(string path)
    {
        var segments = path.Split('/', 4);
        var api = segments.Length > 2 && segments[2].Length > 0 ? $"{segments[1]}/{segments[2]}" : segments[1];
        return DaprRoute.Error(StatusCodes.Status501NotImplemented, DaprErrorCodes.ApiUnimplemented,
            $"the Dapr API /{Shorten(api)} is not supported by Periscope: its sidecar serves service invocation (/v1.0/invoke), /v1.0/healthz and /v1.0/metadata");
    }

    /// <summary>The path and the query ('?' included, or empty) of an origin-form or absolute-form target (RFC 9112 §3.2); null for '*'.</summary>
    private static (string Path, string Query)? SplitTarget(string target)
    {
        if (!target.StartsWith('/'))
        {
            var scheme = target.IndexOf("://", StringComparison.Ordinal);
            if (scheme < 0)
            {
                return null;
            }

            var pathStart = target.IndexOfAny(['/', '?'], scheme + 3);
            target = pathStart < 0 ? "/" : target[pathStart] == '?' ? "/" + target[pathStart..] : target[pathStart..];
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (target, "") : (target[..question], target[question..]);
    }

    private static string? BasicAuthAppId(string authorization)
    {
        if (!authorization.StartsWith(BasicPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var encoded = authorization.AsSpan(BasicPrefix.Length).Trim();
        var bytes = ArrayPool<byte>.Shared.Rent(encoded.Length);
        try
        {
            if (!Convert.TryFromBase64Chars(encoded, bytes, out var length))
            {
                return null;
            }

            var credentials = Encoding.UTF8.GetString(bytes, 0, length);
            return credentials.StartsWith(BasicUser, StringComparison.Ordinal) && credentials.Length > BasicUser.Length
                ? credentials[BasicUser.Length..]
                : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
