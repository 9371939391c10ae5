using System.Net.Sockets;

namespace Periscope.Sidecar.Forwarding;

/// <summary>
/// Why sending a request failed before any response headers came back. <see cref="ForwardError.ConnectFailed"/>
/// is reserved for "no connection was made", because callers retry it on another endpoint.
/// </summary>
internal static class SendFailures
{
    public static ForwardError Classify(Exception exception, bool clientAborted, bool timedOut, bool requestBodyFailed)
    {
        if (clientAborted)
        {
            return ForwardError.ClientAborted;
        }

        if (requestBodyFailed)
        {
            return ForwardError.RequestBodyFailed;
        }

        if (exception is OperationCanceledException)
        {
            // Not our token: SocketsHttpHandler's ConnectTimeout, which it reports as a cancellation
            // wrapping a TimeoutException, the way HttpClient reports its own timeout.
            return timedOut ? ForwardError.Timeout
                : exception.InnerException is TimeoutException ? ForwardError.ConnectFailed
                : ForwardError.UpstreamFailed;
        }

        return IsConnectFailure(exception) ? ForwardError.ConnectFailed : ForwardError.UpstreamFailed;
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
