using Periscope.Sidecar.Configuration;
using Periscope.Sidecar.Forwarding;

namespace Periscope.Sidecar.Invocation;

/// <summary>
/// Carries out one service invocation: resolve the app-id, pick an endpoint, forward, and answer
/// failures the way daprd does (docs.dapr.io, "Service invocation API reference": the callee's status
/// and body pass through unchanged; failures get a JSON <c>ERR_DIRECT_INVOKE</c> body).
/// </summary>
/// <remarks>
/// 1. Resolve: unknown app-id → 404; no endpoints, or the catalog unavailable with nothing remembered → 503.
/// 2. Mark the request as Dapr marks it for the callee (dapr/dapr pkg/messaging/direct_messaging.go,
///    addCallerAndCalleeAppIDHeaderToMetadata): <c>dapr-caller-app-id</c>, <c>dapr-caller-namespace</c>,
///    <c>dapr-callee-app-id</c>, overwriting whatever the app sent so it cannot pose as another app.
///    The header that named the target and <c>dapr-api-token</c> (a credential for this sidecar, which
///    daprd also strips) do not go on.
/// 3. Forward to an endpoint the balancer picks, counted as outstanding on it until the forward completes.
/// 4. When no connection could be made, nothing was sent; an idempotent request (RFC 9110 §9.2.2) is
///    tried on another endpoint, each at most once and at most <see cref="MaxAttempts"/> in all
///    (daprd retries up to 3 times: docs.dapr.io, "Service invocation overview", Retries). POST and
///    PATCH are never retried.
/// 5. Answer what failed: connect failures on every endpoint tried → 502, no answer within
///    <see cref="SidecarOptions.InvokeTimeout"/> → 504, a broken answer → 502.
/// </remarks>
internal sealed class ServiceInvoker(
    AppIdResolver resolver,
    ILoadBalancer balancer,
    IHttpForwarder forwarder,
    InvocationMetrics metrics,
    SidecarOptions options,
    TimeProvider time,
    ILogger<ServiceInvoker> logger)
{
    public const int MaxAttempts = 3;

    /// <summary>nginx's convention for "the client closed the connection before the answer", for metrics only.</summary>
    public const int ClientClosedRequest = 499;

    public const string CallerAppIdHeader = "dapr-caller-app-id";
    public const string CallerNamespaceHeader = "dapr-caller-namespace";
    public const string CalleeAppIdHeader = "dapr-callee-app-id";
    public const string ApiTokenHeader = "dapr-api-token";

    public async Task InvokeAsync(HttpContext context, DaprRoute route)
    {
        var started = time.GetTimestamp();
        var (status, known) = await RunAsync(context, route);
        metrics.Record(known ? route.Target : null, context.Request.Method, status, time.GetElapsedTime(started));
    }

    private async Task<(int Status, bool KnownTarget)> RunAsync(HttpContext context, DaprRoute route)
    {
        var target = route.Target;
        Resolution resolution;
        try
        {
            resolution = await resolver.ResolveAsync(target, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return (ClientClosedRequest, true);
        }

        // Step 1.
        var refused = resolution.Status switch
        {
            ResolutionStatus.UnknownApp => (StatusCodes.Status404NotFound,
                $"app id '{target.AppId}' is not found in namespace '{target.Namespace}': the catalog lists no such service"),
            ResolutionStatus.NoEndpoints => (StatusCodes.Status503ServiceUnavailable,
                $"app id '{target.AppId}' in namespace '{target.Namespace}' has no endpoints: none of its sidecars has sent the catalog a heartbeat recently"),
            ResolutionStatus.CatalogUnavailable => (StatusCodes.Status503ServiceUnavailable,
                $"cannot resolve app id '{target.AppId}' in namespace '{target.Namespace}': {resolution.Problem}"),
            _ => ((int, string)?)null,
        };
        if (refused is var (refusedStatus, refusedMessage))
        {
            logger.InvocationRefused(target.ToString(), refusedStatus, refusedMessage);
            await DaprErrorResponse.WriteAsync(context, refusedStatus, DaprErrorCodes.DirectInvoke, refusedMessage);
            // Only app-ids the catalog vouches for become metric labels, so made-up ones cannot multiply series.
            return (refusedStatus, resolution.Status == ResolutionStatus.NoEndpoints);
        }

        MarkForCallee(context.Request.Headers, target, route.AppIdCarrier);
        var (outcome, tried) = await ForwardAsync(context, resolution.Endpoints!, route.PathAndQuery!);
        return (outcome.Error == ForwardError.None ? outcome.StatusCode : await AnswerFailureAsync(context, target, outcome, tried), true);
    }

    /// <summary>Step 2.</summary>
    private void MarkForCallee(IHeaderDictionary headers, AppKey target, string? carrier)
    {
        if (carrier is not null)
        {
            headers.Remove(carrier);
        }

        headers.Remove(ApiTokenHeader);
        headers[CallerAppIdHeader] = options.AppId;
        headers[CallerNamespaceHeader] = options.Namespace;
        headers[CalleeAppIdHeader] = target.AppId;
    }

    /// <summary>Steps 3 and 4; returns the last outcome and the endpoints tried, in order.</summary>
    private async Task<(ForwardOutcome Outcome, List<InvocationEndpoint> Tried)> ForwardAsync(
        HttpContext context, EndpointSet endpoints, string pathAndQuery)
    {
        var idempotent = IsIdempotent(context.Request.Method);
        var tried = new List<InvocationEndpoint>(1);
        while (true)
        {
            var endpoint = balancer.Pick(endpoints, resolver.Candidates(endpoints, tried));
            tried.Add(endpoint);
            ForwardOutcome outcome;
            using (endpoint.Lease())
            {
                outcome = await forwarder.ForwardAsync(context, endpoint.Destination, pathAndQuery, options.InvokeTimeout);
            }

            if (outcome.Error != ForwardError.ConnectFailed)
            {
                return (outcome, tried);
            }

            resolver.ConnectFailed(endpoints.Target, endpoint);
            if (!idempotent || !outcome.CanRetryElsewhere || context.Response.HasStarted
                || tried.Count >= MaxAttempts || tried.Count >= endpoints.Endpoints.Count)
            {
                return (outcome, tried);
            }

            logger.RetryingElsewhere(context.Request.Method, endpoints.Target.ToString(), endpoint.Authority);
        }
    }

    /// <summary>Step 5; returns the status the caller got.</summary>
    private async Task<int> AnswerFailureAsync(HttpContext context, AppKey target, ForwardOutcome outcome, List<InvocationEndpoint> tried)
    {
        if (outcome.Error == ForwardError.ClientAborted || context.RequestAborted.IsCancellationRequested)
        {
            return ClientClosedRequest;
        }

        if (context.Response.HasStarted)
        {
            // The forwarder has cut the connection, so the caller sees the answer broke off.
            logger.InvocationFailedMidResponse(target.ToString(), outcome.Error, outcome.Exception?.Message);
            return outcome.StatusCode is > 0 and < 500 ? StatusCodes.Status502BadGateway : outcome.StatusCode;
        }

        var app = $"app id '{target.AppId}' in namespace '{target.Namespace}'";
        var (status, code, message) = outcome.Error switch
        {
            ForwardError.ConnectFailed => (StatusCodes.Status502BadGateway, DaprErrorCodes.DirectInvoke,
                $"fail to invoke, id: {target}, err: no connection could be made to {app} at {string.Join(", ", tried.Select(e => e.Authority))}: {outcome.Exception?.Message}"),
            ForwardError.Timeout => (StatusCodes.Status504GatewayTimeout, DaprErrorCodes.DirectInvoke,
                $"fail to invoke, id: {target}, err: {app} did not answer within {options.InvokeTimeout.TotalSeconds:0.###} s (endpoint {tried[^1].Authority})"),
            ForwardError.RequestBodyFailed => (StatusCodes.Status400BadRequest, DaprErrorCodes.BodyRead,
                $"failed to read request body: {outcome.Exception?.Message}"),
            _ => (StatusCodes.Status502BadGateway, DaprErrorCodes.DirectInvoke,
                $"fail to invoke, id: {target}, err: {app} failed to answer (endpoint {tried[^1].Authority}): {outcome.Exception?.Message}"),
        };
        logger.InvocationFailed(target.ToString(), outcome.Error, status, message);
        await DaprErrorResponse.WriteAsync(context, status, code, message);
        return status;
    }

    /// <summary>RFC 9110 §9.2.2.</summary>
    private static bool IsIdempotent(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
        || HttpMethods.IsTrace(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method);
}
