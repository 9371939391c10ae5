namespace Periscope.Functions.Hosting;

/// <summary>
/// Enforces host.json's <c>functionTimeout</c> on function requests.
/// </summary>
/// <remarks>
/// 1. <see cref="HttpContext.RequestAborted"/> is replaced by a token linked to it that also fires at the
///    deadline, so every function's <see cref="CancellationToken"/> parameter is cancelled when it runs out
///    of time, the same way it is when the client goes away.
/// 2. When the deadline passed and the response has not started, the caller gets 503 problem+json: the
///    function's own answer, if any, came too late. A response already started can only be left as is.
/// The clock starts after the concurrency limiter admits the request: queueing is not execution.
/// </remarks>
internal sealed partial class FunctionTimeoutMiddleware(
    RequestDelegate next,
    HostJsonOptions hostJson,
    FunctionMetrics metrics,
    ILogger<FunctionTimeoutMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (hostJson.FunctionTimeout is not { } timeout || FunctionEndpointMetadata.FunctionName(context) is not { } function)
        {
            await next(context);
            return;
        }

        // 1.
        var aborted = context.RequestAborted;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        deadline.CancelAfter(timeout);
        context.RequestAborted = deadline.Token;
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (TimedOut())
        {
        }
        finally
        {
            context.RequestAborted = aborted;
        }

        if (!TimedOut())
        {
            return;
        }

        // 2.
        metrics.RecordRejected(function, "timeout");
        if (context.Response.HasStarted)
        {
            LogTimedOutAfterStart(logger, function, timeout);
            return;
        }

        LogTimedOut(logger, function, timeout);
        context.Response.Clear();
        await Problems.Problem(
                StatusCodes.Status503ServiceUnavailable,
                $"{function} did not finish within functionTimeout ({timeout:c}, host.json) and was cancelled.",
                "function-timeout",
                "The function ran past its timeout.")
            .ExecuteAsync(context);

        bool TimedOut() => deadline.IsCancellationRequested && !aborted.IsCancellationRequested;
    }

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "{Function} ran past functionTimeout {Timeout} and was cancelled; answered 503")]
    private static partial void LogTimedOut(ILogger logger, string function, TimeSpan timeout);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "{Function} ran past functionTimeout {Timeout} after its response had started; the response may be incomplete")]
    private static partial void LogTimedOutAfterStart(ILogger logger, string function, TimeSpan timeout);
}
