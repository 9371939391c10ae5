using System.Net.Sockets;

namespace Periscope.Forwarding;

/// <summary>
/// Why sending a request failed before any response headers came back. <see cref="SendFailure.ConnectFailed"/>
/// is reserved for "no connection was made", because callers retry it (on another endpoint, or only then).
/// </summary>
public static class SendFailures
{
    /// <param name="exception">What <see cref="HttpMessageInvoker.SendAsync"/> threw.</param>
    /// <param name="clientAborted">The client went away: that wins over every other cause.</param>
    /// <param name="timedOut">The caller's own timeout fired.</param>
    /// <param name="bodyFailure">Why reading the client's body failed (<see cref="RequestBodyContent.ReadFailure"/>), or null.</param>
    public static SendFailure Classify(Exception exception, bool clientAborted, bool timedOut, Exception? bodyFailure)
    {
        if (clientAborted)
        {
            return SendFailure.ClientAborted;
        }

        if (bodyFailure is not null)
        {
            return bodyFailure is RequestBodyTooLargeException ? SendFailure.RequestBodyTooLarge : SendFailure.RequestBodyFailed;
        }

        if (exception is OperationCanceledException)
        {
            // Not our token: SocketsHttpHandler's ConnectTimeout, which it reports as a cancellation
            // wrapping a TimeoutException, the way HttpClient reports its own timeout.
            return timedOut ? SendFailure.Timeout
                : exception.InnerException is TimeoutException ? SendFailure.ConnectFailed
                : SendFailure.UpstreamFailed;
        }

        return IsConnectFailure(exception) ? SendFailure.ConnectFailed : SendFailure.UpstreamFailed;
    }

    private static bool IsConnectFailure(Exception exception)
    {
        // SocketsHttpHandler tags failures while connecting (learn.microsoft.com, HttpRequestError:
        // "a transport-level failure occurred while connecting"); anything after the connection was
        // made (reset, bad or short response) is another error and may have reached the app.
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
