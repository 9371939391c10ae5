using Microsoft.AspNetCore.Http.Features;
using Periscope.Forwarding;

namespace Periscope.Sidecar.Forwarding;

/// <summary>
/// Forwards a request over one shared <see cref="HttpMessageInvoker"/> (its pooled connections reused
/// by every request) and streams the answer back. The shape follows YARP's HttpForwarder
/// (microsoft/reverse-proxy, src/ReverseProxy/Forwarder/HttpForwarder.cs), without its transforms,
/// upgrades and HTTP/2 specifics.
/// </summary>
/// <remarks>
/// (1) Build the outgoing request: method, target, headers minus hop-by-hop ones, the client's body as
///     streamed content. (2) Send it; the timeout runs until the response headers arrive, restarted
///     by every chunk of request body sent (an idle timeout while uploading, like YARP's
///     ActivityTimeout), and the client going away cancels at any point. (3) Copy status and headers. (4) Stream the body,
///     flushing as it goes; a body that breaks off after the client got part of it cuts the client's
///     connection, so the client sees a failure rather than a short success. (5) Make sure the copy
///     of the request body has stopped before returning: Kestrel reuses it afterwards.
/// </remarks>
internal sealed class HttpForwarder(HttpMessageInvoker invoker, ILogger<HttpForwarder> logger) : IHttpForwarder
{
    public async Task<ForwardOutcome> ForwardAsync(HttpContext context, Uri destination, string pathAndQuery, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        if (pathAndQuery[0] != '/')
        {
            throw new ArgumentException("The path must start with '/'.", nameof(pathAndQuery));
        }

        using var call = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var deadline = new ExchangeTimeout(call, timeout);
        deadline.Start();

        // (1)
        using var request = ForwardedRequest.Create(context.Request, destination, pathAndQuery, call.Token, out var body);
        if (body is not null)
        {
            body.Progress = deadline.Restart;
        }

        HttpResponseMessage response;
        try
        {
            // (2) An HttpMessageInvoker, unlike HttpClient, returns as soon as the headers are in and
            // never buffers the body (YARP insists on one for that reason: microsoft/reverse-proxy#458).
            response = await invoker.SendAsync(request, call.Token);
        }
        catch (Exception exception)
        {
            var timedOut = call.IsCancellationRequested;
            await StopRequestBodyAsync(body, call);
            var error = ErrorOf(SendFailures.Classify(exception, context.RequestAborted.IsCancellationRequested, timedOut, body?.ReadFailure));
            logger.ForwardFailed(exception, context.Request.Method, destination, error, body?.BytesRead ?? 0);
            return new ForwardOutcome(0, error, body?.BytesRead ?? 0, 0, exception);
        }

        using (response)
        {
            // The timeout covered waiting for the answer; a body of hundreds of MB may take longer.
            deadline.Answered();
            return await ForwardResponseAsync(context, destination, response, body, call);
        }
    }

    // A ValueTask: with inline socket completions the answer is often copied without waiting, and a Task would be allocated for it.
    private async ValueTask<ForwardOutcome> ForwardResponseAsync(
        HttpContext context, Uri destination, HttpResponseMessage response, RequestBodyContent? body, CancellationTokenSource call)
    {
        var status = (int)response.StatusCode;
        try
        {
            // SocketsHttpHandler answers 100 Continue and skips 103 itself; a 101 would switch to a
            // protocol the client never asked this hop for (its Upgrade header was dropped).
            if (status < StatusCodes.Status200OK)
            {
                throw new HttpRequestException(HttpRequestError.InvalidResponse, $"The destination answered {status}, an interim response that is not forwarded.");
            }

            // (3)
            ForwardedResponse.CopyStatusAndHeaders(response, context);
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException)
        {
            context.Response.Clear();
            response.Dispose();
            await StopRequestBodyAsync(body, call);
            logger.ForwardFailed(exception, context.Request.Method, destination, ForwardError.UpstreamFailed, body?.BytesRead ?? 0);
            return new ForwardOutcome(0, ForwardError.UpstreamFailed, body?.BytesRead ?? 0, 0, exception);
        }

        // (4)
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var copy = ForwardedResponse.HasBody(context.Request.Method, status)
            ? await ResponseBodyCopier.CopyAsync(response.Content, context.Response.BodyWriter, call.Token)
            : default;
        var clientAborted = context.RequestAborted.IsCancellationRequested;

        // (5) Disposing an unfinished HTTP/1.1 exchange closes its connection, which also ends a request
        // body the destination stopped reading.
        response.Dispose();
        await StopRequestBodyAsync(body, call);
        var requestBytes = body?.BytesRead ?? 0;
        if (copy.Failure == ResponseCopyFailure.None)
        {
            return new ForwardOutcome(status, ForwardError.None, requestBytes, copy.BytesWritten);
        }

        var error = clientAborted ? ForwardError.ClientAborted
            : body?.ReadFailure is not null ? ForwardError.RequestBodyFailed
            : copy.Failure == ResponseCopyFailure.Client ? ForwardError.ClientAborted
            : copy.Failure == ResponseCopyFailure.Cancelled ? ForwardError.Timeout // the timer fired as the headers arrived
            : ForwardError.UpstreamFailed;
        var cause = copy.Exception ?? body?.ReadFailure;
        if (!context.Response.HasStarted)
        {
            context.Response.Clear();
            logger.ForwardFailed(cause, context.Request.Method, destination, error, requestBytes);
            return new ForwardOutcome(0, error, requestBytes, 0, cause);
        }

        if (error != ForwardError.ClientAborted)
        {
            logger.ResponseBrokeOff(cause, context.Request.Method, destination, copy.BytesWritten, error);
            context.Abort();
        }

        return new ForwardOutcome(status, error, requestBytes, copy.BytesWritten, cause);
    }

    // The sidecar sets no body limit, so RequestBodyTooLarge cannot occur; were it to, it is the client's
    // body that failed.
    private static ForwardError ErrorOf(SendFailure failure) => failure switch
    {
        SendFailure.ConnectFailed => ForwardError.ConnectFailed,
        SendFailure.Timeout => ForwardError.Timeout,
        SendFailure.RequestBodyTooLarge or SendFailure.RequestBodyFailed => ForwardError.RequestBodyFailed,
        SendFailure.ClientAborted => ForwardError.ClientAborted,
        _ => ForwardError.UpstreamFailed,
    };

    private static async Task StopRequestBodyAsync(RequestBodyContent? body, CancellationTokenSource call)
    {
        if (body is null)
        {
            return;
        }

        if (body.InProgress)
        {
            await call.CancelAsync();
        }

        await body.Completion;
    }
}
