using System.Net.Sockets;

namespace Periscope.Functions.Invoke;

/// <summary>
/// Why sending to the sidecar failed before any response headers came back. <see cref="ExchangeKind.ConnectFailed"/>
/// is kept for "no connection was made", because only that is retried.
/// </summary>
internal static class SendFailures
{
    public static ExchangeKind Classify(Exception exception, bool clientAborted, bool timedOut, Exception? bodyFailure)
    {
        if (clientAborted)
        {
            return ExchangeKind.ClientAborted;
        }

        if (bodyFailure is not null)
        {
            return bodyFailure is RequestBodyTooLargeException ? ExchangeKind.RequestBodyTooLarge : ExchangeKind.RequestBodyFailed;
        }

        if (exception is OperationCanceledException)
        {
            // Not our token: SocketsHttpHandler's ConnectTimeout, reported as a cancellation wrapping a TimeoutException.
            return timedOut ? ExchangeKind.Timeout
                : exception.InnerException is TimeoutException ? ExchangeKind.ConnectFailed
                : ExchangeKind.UpstreamFailed;
        }

        return IsConnectFailure(exception) ? ExchangeKind.ConnectFailed : ExchangeKind.UpstreamFailed;
    }

    private static bool IsConnectFailure(Exception exception)
    {
        // SocketsHttpHandler tags failures while connecting (learn.microsoft.com, HttpRequestError:
        // "a transport-level failure occurred while connecting"); anything after the connection was made
        // (reset, bad or short response) may have reached the app.
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError })
        {
            return true;
        }

        if (exception is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown })
        {
            return false;
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException
                {
                    SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable
                        or SocketError.HostNotFound or SocketError.HostDown,
                })
            {
                return true;
            }
        }

        return false;
    }
}
