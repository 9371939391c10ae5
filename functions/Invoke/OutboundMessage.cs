using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Periscope.Functions.Invoke;

/// <summary>Builds the request to the sidecar: <c>{endpoint}/v1.0/invoke/{appId}.{namespace}/method{path}</c>.</summary>
internal static class OutboundMessage
{
    // The path goes out exactly as the caller escaped it: no dot-segment removal or unescaping by Uri
    // (a proxy forwards the target it received, RFC 9110 §7.6); InvokePathGuard has refused what could climb.
    private static readonly UriCreationOptions AsReceived = new() { DangerousDisablePathAndQueryCanonicalization = true };

    /// <summary>
    /// The invocation URL. Dapr addresses an app in another namespace as <c>app.namespace</c> (docs.dapr.io,
    /// "How to: Service invocation across namespaces"); both are RFC 1123 labels, checked before this.
    /// Concatenated, never resolved against the endpoint, so nothing in the path can change scheme, host or port.
    /// </summary>
    public static Uri Target(Uri daprEndpoint, GatewayRequest request) => new(
        string.Concat(
            daprEndpoint.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped),
            "/v1.0/invoke/",
            request.Target.AppId,
            ".",
            request.Target.Namespace,
            "/method",
            request.AppPathAndQuery),
        AsReceived);

    public static HttpRequestMessage Create(Uri target, GatewayRequest request, StreamedRequestContent? body, string? daprApiToken)
    {
        var message = new HttpRequestMessage(MethodOf(request.Method), target) { Content = body };
        foreach (var (name, values) in request.Headers)
        {
            AddHeader(message, name, values);
        }

        if (body is not null && request.ContentLength is { } length)
        {
            body.Headers.ContentLength = length;
        }

        message.Headers.TryAddWithoutValidation(TraceContext.TraceParentHeader, request.Trace.TraceParent);
        if (request.Trace.TraceState is { } state)
        {
            message.Headers.TryAddWithoutValidation(TraceContext.TraceStateHeader, state);
        }

        if (!string.IsNullOrEmpty(daprApiToken))
        {
            message.Headers.TryAddWithoutValidation(OutboundHeaders.DaprApiTokenHeader, daprApiToken);
        }

        return message;
    }

    private static void AddHeader(HttpRequestMessage message, string name, StringValues values)
    {
        // Several Cookie lines arrive joined by commas; a Cookie header separates pairs with "; "
        // (RFC 6265 §5.4), as YARP's RequestUtilities does.
        if (values.Count > 1 && name.Equals(HeaderNames.Cookie, StringComparison.OrdinalIgnoreCase))
        {
            values = string.Join("; ", values.ToArray());
        }

        if (message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
        {
            return;
        }

        // A content header (Content-Type, Content-Language, …) belongs on the content; a request without a
        // body gets an empty one to carry it.
        message.Content ??= new ByteArrayContent([]);
        message.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
    }

    private static HttpMethod MethodOf(string method) => method switch
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
}
