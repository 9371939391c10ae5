using Microsoft.AspNetCore.Http.Features;
using Periscope.Sidecar.Configuration;
using Periscope.Sidecar.Forwarding;

namespace Periscope.Sidecar.Invocation;

/// <summary>
/// Everything the Dapr port (3500) answers, so Dapr SDK clients work unchanged: service invocation,
/// <c>/v1.0/healthz</c>, <c>/v1.0/healthz/outbound</c> and <c>/v1.0/metadata</c>; any other Dapr API is
/// answered 501 <c>ERR_API_UNIMPLEMENTED</c>, as daprd answers an API it does not implement
/// (dapr/dapr pkg/messages/predefined.go, ErrAPIUnimplemented).
/// </summary>
internal sealed class DaprApiHandler(
    ServiceInvoker invoker,
    DaprMetadataWriter metadata,
    InvocationMetrics metrics,
    SidecarOptions options,
    IAppReadiness? readiness = null)
{
    private const string Allowed = "GET, HEAD";

    public Task HandleAsync(HttpContext context)
    {
        var route = DaprRouteParser.Parse(RawTarget(context), context.Request.Headers, options.Namespace);
        return route.Kind switch
        {
            DaprRouteKind.Invoke => invoker.InvokeAsync(context, route),
            DaprRouteKind.Healthz => HealthzAsync(context, includeApp: true),
            DaprRouteKind.OutboundHealthz => HealthzAsync(context, includeApp: false),
            DaprRouteKind.Metadata => IsReadMethod(context) ? metadata.WriteAsync(context) : NotAllowedAsync(context),
            _ => RefuseAsync(context, route),
        };
    }

    /// <summary>
    /// docs.dapr.io, "Health API reference": 204 when healthy. <c>/v1.0/healthz</c> also waits for the app
    /// (daprd's waits for its app channel); <c>/outbound</c> only for the sidecar, which has nothing
    /// else to initialise, so it is healthy as soon as it answers.
    /// </summary>
    private async Task HealthzAsync(HttpContext context, bool includeApp)
    {
        if (!IsReadMethod(context))
        {
            await NotAllowedAsync(context);
            return;
        }

        if (includeApp && readiness is not null)
        {
            var (answers, detail) = await readiness.CheckAsync(context.RequestAborted);
            if (!answers)
            {
                await DaprErrorResponse.WriteAsync(context, StatusCodes.Status500InternalServerError, DaprErrorCodes.HealthNotReady, $"dapr is not ready: {detail}");
                return;
            }
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private Task RefuseAsync(HttpContext context, DaprRoute route)
    {
        // A malformed invocation is still an invocation the app made; another API's refusal is not.
        if (route.ErrorCode == DaprErrorCodes.DirectInvoke)
        {
            metrics.Record(null, context.Request.Method, route.Status, TimeSpan.Zero);
        }

        return DaprErrorResponse.WriteAsync(context, route.Status, route.ErrorCode!, route.Message!);
    }

    private static Task NotAllowedAsync(HttpContext context)
    {
        // RFC 9110 §15.5.6: a 405 lists the allowed methods. Added as the headers go out, because the
        // error writer starts from a cleared response.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Allow = Allowed;
            return Task.CompletedTask;
        });
        return DaprErrorResponse.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, DaprErrorCodes.MalformedRequest,
            $"{context.Request.Method} is not allowed on {context.Request.Path}; use GET");
    }

    private static bool IsReadMethod(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);

    /// <summary>The target as received, escaping intact; servers without the feature get the decoded path re-escaped.</summary>
    private static string RawTarget(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : (context.Request.PathBase + context.Request.Path).ToUriComponent() + context.Request.QueryString.ToUriComponent();
}
