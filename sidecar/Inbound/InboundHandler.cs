using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Periscope.Sidecar.Configuration;
using Periscope.Sidecar.Forwarding;
using Periscope.Sidecar.Traffic;

namespace Periscope.Sidecar.Inbound;

/// <summary>
/// The inbound port (3501): every request is the app's. Forwards it to the app, answers Dapr-style
/// 502/504 when the app fails, and records the exchange against the app's operations.
/// </summary>
internal sealed class InboundHandler(
    IHttpForwarder forwarder, TrafficRecorder traffic, SidecarOptions options, ILogger<InboundHandler> logger)
{
    /// <summary>nginx's convention for "the client closed the connection before the answer", for traffic records only.</summary>
    public const int ClientClosedRequest = 499;

    private readonly Uri app = new(options.AppUrl.GetLeftPart(UriPartial.Authority));

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;

        // The target exactly as the client wrote it, so the app sees the same escaping (Path would
        // decode %25 and re-encode differently); an absolute-form or '*' target is no path of the app.
        var pathAndQuery = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (pathAndQuery is null || !pathAndQuery.StartsWith('/'))
        {
            await DaprErrorResponse.WriteAsync(
                context, StatusCodes.Status400BadRequest, DaprErrorCodes.MalformedRequest, "the request target must be a path starting with '/'");
            traffic.Record(request.Method, "/", StatusCodes.Status400BadRequest, Stopwatch.GetElapsedTime(started), 0, 0);
            return;
        }

        var outcome = await forwarder.ForwardAsync(context, app, pathAndQuery, options.AppTimeout);
        var status = outcome.Error == ForwardError.None ? outcome.StatusCode : await AnswerFailureAsync(context, outcome);
        traffic.Record(request.Method, pathAndQuery, status, Stopwatch.GetElapsedTime(started), outcome.RequestBytes, outcome.ResponseBytes);
    }

    /// <summary>Returns the status the exchange is recorded with.</summary>
    private async Task<int> AnswerFailureAsync(HttpContext context, ForwardOutcome outcome)
    {
        if (outcome.Error == ForwardError.ClientAborted || context.RequestAborted.IsCancellationRequested)
        {
            return ClientClosedRequest;
        }

        if (context.Response.HasStarted)
        {
            // The app failed mid-answer; the forwarder has cut the connection so the client sees it.
            logger.AppFailedMidResponse(outcome.Error, outcome.Exception?.Message);
            return outcome.StatusCode is > 0 and < 500 ? StatusCodes.Status502BadGateway : outcome.StatusCode;
        }

        var (status, message) = outcome.Error switch
        {
            ForwardError.Timeout => (StatusCodes.Status504GatewayTimeout,
                $"the app did not answer within {options.AppTimeout.TotalSeconds:0.###} s"),
            ForwardError.ConnectFailed => (StatusCodes.Status502BadGateway,
                $"the app does not accept connections at {app.Authority}: {outcome.Exception?.Message}"),
            ForwardError.RequestBodyFailed => (StatusCodes.Status400BadRequest,
                $"the request body could not be read: {outcome.Exception?.Message}"),
            _ => (StatusCodes.Status502BadGateway, $"the app failed to answer: {outcome.Exception?.Message}"),
        };
        logger.AppCallFailed(outcome.Error, status, message);
        await DaprErrorResponse.WriteAsync(context, status, DaprErrorCodes.DirectInvoke, message);
        return status;
    }
}
