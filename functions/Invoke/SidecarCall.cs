using Periscope.Forwarding;

namespace Periscope.Functions.Invoke;

/// <summary>
/// The attempts of one call to the sidecar: each builds a fresh message and body, sends it, and reads just
/// enough of the answer to tell the sidecar's own errors from the app's answers. Never throws for network
/// failures or cancellation: those are <see cref="ExchangeKind"/>s the pipeline can count.
/// </summary>
internal sealed class SidecarCall(
    HttpMessageInvoker invoker,
    InvokeSettings settings,
    GatewayRequest request,
    Uri target,
    ExchangeTimeout deadline,
    CancellationTokenSource call,
    CancellationToken aborted) : IDisposable
{
    private readonly List<IDisposable> disposables = [];
    private RequestBodyContent? body;

    public async ValueTask<DaprExchange> AttemptAsync()
    {
        body = request.CreateBody();
        if (body is not null)
        {
            body.Progress = deadline.Restart;
        }

        var message = OutboundMessage.Create(target, request, body, settings.DaprApiToken);
        disposables.Add(message);
        HttpResponseMessage response;
        try
        {
            // An HttpMessageInvoker, unlike HttpClient, returns as soon as the headers are in and never
            // buffers the body (YARP insists on one for that reason: microsoft/reverse-proxy#458).
            response = await invoker.SendAsync(message, call.Token);
        }
        catch (Exception exception)
        {
            var timedOut = call.IsCancellationRequested && !aborted.IsCancellationRequested;
            await StopBodyAsync();
            var kind = KindOf(SendFailures.Classify(exception, aborted.IsCancellationRequested, timedOut, body?.ReadFailure));
            return Failed(kind, exception);
        }

        disposables.Add(response);
        var status = (int)response.StatusCode;
        if (status < StatusCodes.Status200OK)
        {
            // SocketsHttpHandler answers 100 Continue itself; a 101 would switch to a protocol the caller
            // never asked this hop for (its Upgrade header was dropped).
            return Failed(ExchangeKind.UpstreamFailed, new HttpRequestException(HttpRequestError.InvalidResponse, $"The sidecar answered {status}, an interim response that is not forwarded."));
        }

        if (!DaprErrorBody.IsCandidate(response))
        {
            return new DaprExchange(ExchangeKind.Answered, response, null, null, null, BytesSent, request.IsIdempotent);
        }

        byte[] buffered;
        try
        {
            buffered = await response.Content.ReadAsByteArrayAsync(call.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
        {
            var timedOut = call.IsCancellationRequested && !aborted.IsCancellationRequested;
            return Failed(aborted.IsCancellationRequested ? ExchangeKind.ClientAborted : timedOut ? ExchangeKind.Timeout : ExchangeKind.UpstreamFailed, exception);
        }

        return DaprErrorBody.TryRead(status, buffered) is { } error
            ? new DaprExchange(ExchangeKind.DaprError, null, null, error, null, BytesSent, request.IsIdempotent)
            : new DaprExchange(ExchangeKind.Answered, response, buffered, null, null, BytesSent, request.IsIdempotent);
    }

    /// <summary>Body bytes of the last attempt sent on (earlier attempts sent none, or there would be no later one).</summary>
    public long BytesSent => body?.BytesRead ?? 0;

    /// <summary>Makes sure the copy of the caller's body has stopped: the caller's body must not be read after the call ends.</summary>
    public async Task StopBodyAsync()
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

    public void Dispose()
    {
        // Disposing an unfinished HTTP/1.1 exchange closes its connection, which also ends a request body
        // the sidecar stopped reading.
        foreach (var disposable in disposables)
        {
            disposable.Dispose();
        }
    }

    private static ExchangeKind KindOf(SendFailure failure) => failure switch
    {
        SendFailure.ConnectFailed => ExchangeKind.ConnectFailed,
        SendFailure.Timeout => ExchangeKind.Timeout,
        SendFailure.RequestBodyTooLarge => ExchangeKind.RequestBodyTooLarge,
        SendFailure.RequestBodyFailed => ExchangeKind.RequestBodyFailed,
        SendFailure.ClientAborted => ExchangeKind.ClientAborted,
        _ => ExchangeKind.UpstreamFailed,
    };

    private DaprExchange Failed(ExchangeKind kind, Exception exception) =>
        new(kind, null, null, null, exception, BytesSent, request.IsIdempotent);
}
