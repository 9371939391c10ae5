using System.Diagnostics;
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
        var pathAndQuery = (request.PathBase + request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
        var outcome = await forwarder.ForwardAsync(context, app, pathAndQuery, options.AppTimeout);
        var status = outcome.Error == ForwardError.None ? outcome.StatusCode : await AnswerFailureAsync(context, outcome);
        traffic.Record(request.Method, request.Path.Value ?? "/", status, Stopwatch.GetElapsedTime(started), outcome.RequestBytes, outcome.ResponseBytes);
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
