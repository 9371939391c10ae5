using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Periscope.Forwarding;
using Polly;
using Polly.CircuitBreaker;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Invoke;

/// <summary>
/// Sends a call to the app through the Dapr sidecar and answers the caller: the app's answer streamed back
/// unchanged, or a problem (RFC 9457) saying why the gateway answered itself. The shape follows YARP's
/// HttpForwarder (microsoft/reverse-proxy, src/ReverseProxy/Forwarder/HttpForwarder.cs) as the sidecar's does.
/// </summary>
/// <remarks>
/// 1. The timeout starts; it runs until the answer's headers, restarted by every chunk of body uploaded.
/// 2. The target's pipeline (<see cref="InvokeResilience"/>) runs the attempts: refused at once while its
///    circuit is open; retried on connect failures of idempotent calls.
/// 3. The app answered: status, headers (minus hop-by-hop) and body are streamed back; an answer that breaks
///    off after part of it reached the caller cuts the caller's connection, so it is never taken for whole.
/// 4. Otherwise a problem: the sidecar's Dapr error (404/503 → 503, 504 → 504, others → 502, its message in
///    <c>detail</c>), connect failure → 502 naming the endpoint, timeout → 504, broken connection → 502,
///    body too large → 413, unreadable body → 400.
/// 5. The copy of the caller's body has stopped before returning, and every message is disposed.
/// </remarks>
internal sealed partial class GatewayForwarder(
    SidecarHttpClient sidecar,
    InvokeSettings settings,
    InvokeResilience resilience,
    ILogger<GatewayForwarder> logger)
{
    public async Task<ForwardResult> ForwardAsync(HttpContext context, GatewayRequest request, BodyCapture? responseCapture)
    {
        var aborted = context.RequestAborted;
        using var call = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var deadline = new ExchangeTimeout(call, settings.Timeout);
        using var attempts = new SidecarCall(sidecar.Invoker, settings, request, OutboundMessage.Target(settings.DaprEndpoint, request), deadline, call, aborted);

        // 1., 2.
        deadline.Start();
        var resilienceContext = ResilienceContextPool.Shared.Get(call.Token);
        Outcome<DaprExchange> outcome;
        try
        {
            outcome = await resilience.For(request.Target)
                .ExecuteOutcomeAsync(static async (_, state) => Outcome.FromResult(await state.AttemptAsync()), resilienceContext, attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilienceContext);
        }

        try
        {
            if (outcome.Exception is BrokenCircuitException broken)
            {
                var retryAfter = broken.RetryAfter is { } remaining && remaining > TimeSpan.Zero ? remaining : resilience.BreakDuration;
                LogCircuitOpen(logger, request.Target);
                await new HeaderedResult(
                        Problems.Problem(
                            StatusCodes.Status503ServiceUnavailable,
                            $"Calls to '{request.Target}' are paused: its recent calls failed (sidecar unreachable, timeouts or Dapr errors), so the circuit breaker is open. Retry after {Seconds(retryAfter)} s.",
                            "circuit-open",
                            "The target is failing; calls to it are paused."),
                        "Retry-After",
                        Seconds(retryAfter))
                    .ExecuteAsync(context);
                return new ForwardResult(StatusCodes.Status503ServiceUnavailable, InvokeErrors.CircuitOpen, 0, 0);
            }

            // A cancellation during a retry delay surfaces as an exception outcome, not a result.
            var exchange = outcome.Result ?? new DaprExchange(
                aborted.IsCancellationRequested ? ExchangeKind.ClientAborted : ExchangeKind.Timeout,
                null, null, null, outcome.Exception, attempts.BytesSent, request.IsIdempotent);

            // 3.
            if (exchange.Kind == ExchangeKind.Answered)
            {
                deadline.Answered();
                return await CopyAnswerAsync(context, request, exchange, responseCapture, call.Token);
            }

            // 4.
            return await AnswerFailureAsync(context, request, exchange);
        }
        finally
        {
            // 5.
            await attempts.StopBodyAsync();
        }
    }

    private async Task<ForwardResult> CopyAnswerAsync(
        HttpContext context, GatewayRequest request, DaprExchange exchange, BodyCapture? capture, CancellationToken cancellation)
    {
        var response = exchange.Response!;
        var status = (int)response.StatusCode;
        try
        {
            ForwardedResponse.CopyStatusAndHeaders(response, context);
        }
        catch (InvalidOperationException exception)
        {
            context.Response.Clear();
            LogBrokenAnswer(logger, exception, request.Target, 0);
            await Problems.BadGateway($"'{request.Target}' answered with a header that cannot be forwarded: {exception.Message}").ExecuteAsync(context);
            return new ForwardResult(StatusCodes.Status502BadGateway, InvokeErrors.BrokenAnswer, exchange.RequestBytes, 0);
        }

        if (!ForwardedResponse.HasBody(request.Method, status))
        {
            return new ForwardResult(status, null, exchange.RequestBytes, 0);
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        if (exchange.BufferedBody is { } buffered)
        {
            capture?.Append(buffered);
            await context.Response.Body.WriteAsync(buffered, context.RequestAborted);
            return new ForwardResult(status, null, exchange.RequestBytes, buffered.Length);
        }

        var (written, failure, callerFailed) = await ResponseCopier.CopyAsync(response.Content, context.Response.BodyWriter, capture, cancellation);
        if (failure is null)
        {
            return new ForwardResult(status, null, exchange.RequestBytes, written);
        }

        if (callerFailed || context.RequestAborted.IsCancellationRequested)
        {
            return new ForwardResult(InvokeErrors.ClientClosedRequest, InvokeErrors.ClientAborted, exchange.RequestBytes, written);
        }

        LogBrokenAnswer(logger, failure, request.Target, written);
        if (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await Problems.BadGateway($"'{request.Target}' started answering {status}, then its answer broke off: {failure.Message}").ExecuteAsync(context);
            return new ForwardResult(StatusCodes.Status502BadGateway, InvokeErrors.BrokenAnswer, exchange.RequestBytes, 0);
        }

        // Part of the answer is out: only a cut connection tells the caller it is not whole.
        context.Abort();
        return new ForwardResult(status, InvokeErrors.BrokenAnswer, exchange.RequestBytes, written);
    }

    private async Task<ForwardResult> AnswerFailureAsync(HttpContext context, GatewayRequest request, DaprExchange exchange)
    {
        if (exchange.Kind == ExchangeKind.ClientAborted || context.RequestAborted.IsCancellationRequested)
        {
            return new ForwardResult(InvokeErrors.ClientClosedRequest, InvokeErrors.ClientAborted, exchange.RequestBytes, 0);
        }

        var target = request.Target.ToString();
        var cause = exchange.Exception?.Message;
        var (status, error, detail, extensions) = exchange.Kind switch
        {
            ExchangeKind.DaprError => DaprProblem(target, exchange.DaprError!),
            ExchangeKind.ConnectFailed => (StatusCodes.Status502BadGateway, InvokeErrors.Connect,
                $"The Dapr sidecar at {settings.DaprEndpoint.Authority} (Invoke:DaprHttpEndpoint) is unreachable, so '{target}' could not be invoked: {cause}", null),
            ExchangeKind.Timeout => (StatusCodes.Status504GatewayTimeout, InvokeErrors.Timeout,
                $"'{target}' did not answer within {Seconds(settings.Timeout)} s (Invoke:Timeout).", null),
            ExchangeKind.RequestBodyTooLarge => (StatusCodes.Status413PayloadTooLarge, InvokeErrors.BodyTooLarge,
                $"The request body is larger than {settings.MaxRequestBodyBytes} bytes (Invoke:MaxRequestBodyBytes).", null),
            ExchangeKind.RequestBodyFailed => (StatusCodes.Status400BadRequest, InvokeErrors.BodyRead,
                $"The request body could not be read: {cause}", null),
            _ => (StatusCodes.Status502BadGateway, InvokeErrors.Upstream,
                $"The connection to the Dapr sidecar at {settings.DaprEndpoint.Authority} broke before '{target}' answered: {cause}", null),
        };
        LogFailed(logger, exchange.Exception, request.Target, exchange.Kind, status);
        if (context.Response.HasStarted)
        {
            context.Abort();
            return new ForwardResult(status, error, exchange.RequestBytes, 0);
        }

        context.Response.Clear();
        await Problems.Problem(status, detail, extensions: extensions).ExecuteAsync(context);
        return new ForwardResult(status, error, exchange.RequestBytes, 0);
    }

    /// <summary>
    /// The sidecar's own error as a problem. Its 404 means it knows no such app-id (docs.dapr.io, "Service
    /// invocation API reference"; Periscope's sidecar: the catalog lists none) and its 503 that the app has no
    /// endpoints: both mean the target cannot be reached now, hence 503. Its 504 is a timeout behind it.
    /// </summary>
    private static (int, string, string, Dictionary<string, object?>) DaprProblem(string target, DaprErrorBody error)
    {
        var status = error.Status switch
        {
            StatusCodes.Status504GatewayTimeout => StatusCodes.Status504GatewayTimeout,
            StatusCodes.Status404NotFound or StatusCodes.Status503ServiceUnavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status502BadGateway,
        };
        var why = error.Status switch
        {
            StatusCodes.Status404NotFound => "the sidecar knows no such app-id or it has no endpoints",
            StatusCodes.Status503ServiceUnavailable => "the sidecar finds no endpoints for it",
            StatusCodes.Status504GatewayTimeout => "it did not answer the sidecar in time",
            _ => "the sidecar could not invoke it",
        };
        var extensions = new Dictionary<string, object?> { ["daprErrorCode"] = error.ErrorCode, ["daprStatus"] = error.Status };
        return (status, InvokeErrors.DaprError, $"'{target}' could not be invoked: {why} ({error.Status} {error.ErrorCode}): {error.Message}", extensions);
    }

    private static string Seconds(TimeSpan value) => Math.Ceiling(value.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Invocation of {Target} failed ({Kind}); answered {Status}")]
    private static partial void LogFailed(ILogger logger, Exception? exception, ServiceKey target, ExchangeKind kind, int status);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "The answer of {Target} broke off after {Bytes} bytes")]
    private static partial void LogBrokenAnswer(ILogger logger, Exception? exception, ServiceKey target, long bytes);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "Refused a call to {Target}: its circuit is open")]
    private static partial void LogCircuitOpen(ILogger logger, ServiceKey target);
}
