using Periscope.Forwarding;

namespace Periscope.Functions.Invoke;

/// <summary>Builds the request to the sidecar: <c>{endpoint}/v1.0/invoke/{appId}.{namespace}/method{path}</c>.</summary>
internal static class OutboundMessage
{
    /// <summary>
    /// The invocation URL. Dapr addresses an app in another namespace as <c>app.namespace</c> (docs.dapr.io,
    /// "How to: Service invocation across namespaces"); both are RFC 1123 labels, checked before this.
    /// Concatenated, never resolved against the endpoint, so nothing in the path can change scheme, host or port;
    /// the path goes out exactly as the caller escaped it (<see cref="OutgoingRequest.AsReceived"/>), and
    /// <see cref="InvokePathGuard"/> has refused what could climb.
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
        OutgoingRequest.AsReceived);

    public static HttpRequestMessage Create(Uri target, GatewayRequest request, RequestBodyContent? body, string? daprApiToken)
    {
        var message = new HttpRequestMessage(OutgoingRequest.MethodOf(request.Method), target) { Content = body };
        foreach (var (name, values) in request.Headers)
        {
            OutgoingRequest.AddHeader(message, name, values);
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
}
