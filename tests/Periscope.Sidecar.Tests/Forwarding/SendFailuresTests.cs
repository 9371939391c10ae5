using System.Net.Sockets;
using Periscope.Sidecar.Forwarding;

namespace Periscope.Sidecar.Tests.Forwarding;

public sealed class SendFailuresTests
{
    public static TheoryData<string, Exception, string> Failures => new()
    {
        { "refused", new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)), nameof(ForwardError.ConnectFailed) },
        { "no such host", new HttpRequestException(HttpRequestError.NameResolutionError, "nxdomain"), nameof(ForwardError.ConnectFailed) },
        { "connect timeout", new TaskCanceledException("connect", new TimeoutException()), nameof(ForwardError.ConnectFailed) },
        { "another handler's refused", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)), nameof(ForwardError.ConnectFailed) },
        { "reset after connecting", new HttpRequestException("reset", new IOException("reset", new SocketException((int)SocketError.ConnectionReset))), nameof(ForwardError.UpstreamFailed) },
        { "response ended", new HttpRequestException(HttpRequestError.ResponseEnded, "ended"), nameof(ForwardError.UpstreamFailed) },
        { "malformed response", new HttpRequestException(HttpRequestError.InvalidResponse, "bad"), nameof(ForwardError.UpstreamFailed) },
        { "headers too large", new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, "big"), nameof(ForwardError.UpstreamFailed) },
        { "tls refused after connecting", new HttpRequestException(HttpRequestError.SecureConnectionError, "tls", new SocketException((int)SocketError.ConnectionRefused)), nameof(ForwardError.UpstreamFailed) },
        { "cancelled by someone else", new TaskCanceledException(), nameof(ForwardError.UpstreamFailed) },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Classify_Failure_ConnectFailedOnlyWhenNoConnectionWasMade(string what, Exception exception, string expected) =>
        Assert.Equal((what, expected), (what, SendFailures.Classify(exception, clientAborted: false, timedOut: false, requestBodyFailed: false).ToString()));

    [Fact]
    public void Classify_OurTimeoutFired_Timeout() =>
        Assert.Equal(ForwardError.Timeout, SendFailures.Classify(new TaskCanceledException(), clientAborted: false, timedOut: true, requestBodyFailed: false));

    [Fact]
    public void Classify_ClientWentAway_ClientAbortedWhateverTheException() =>
        Assert.Equal(ForwardError.ClientAborted, SendFailures.Classify(new HttpRequestException(HttpRequestError.ConnectionError), clientAborted: true, timedOut: true, requestBodyFailed: true));

    [Fact]
    public void Classify_ReadingTheClientsBodyFailed_RequestBodyFailed() =>
        Assert.Equal(ForwardError.RequestBodyFailed, SendFailures.Classify(new HttpRequestException("copying content"), clientAborted: false, timedOut: false, requestBodyFailed: true));
}
