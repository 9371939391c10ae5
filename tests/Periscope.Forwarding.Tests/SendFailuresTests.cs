using System.Net.Sockets;
namespace Periscope.Forwarding.Tests;

public sealed class SendFailuresTests
{
    public static TheoryData<string, Exception, string> Failures => new()
    {
        { "refused", new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)), nameof(SendFailure.ConnectFailed) },
        { "no such host", new HttpRequestException(HttpRequestError.NameResolutionError, "nxdomain"), nameof(SendFailure.ConnectFailed) },
        { "connect timeout", new TaskCanceledException("connect", new TimeoutException()), nameof(SendFailure.ConnectFailed) },
        { "another handler's refused", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)), nameof(SendFailure.ConnectFailed) },
        { "reset after connecting", new HttpRequestException("reset", new IOException("reset", new SocketException((int)SocketError.ConnectionReset))), nameof(SendFailure.UpstreamFailed) },
        { "response ended", new HttpRequestException(HttpRequestError.ResponseEnded, "ended"), nameof(SendFailure.UpstreamFailed) },
        { "malformed response", new HttpRequestException(HttpRequestError.InvalidResponse, "bad"), nameof(SendFailure.UpstreamFailed) },
        { "headers too large", new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, "big"), nameof(SendFailure.UpstreamFailed) },
        { "tls refused after connecting", new HttpRequestException(HttpRequestError.SecureConnectionError, "tls", new SocketException((int)SocketError.ConnectionRefused)), nameof(SendFailure.UpstreamFailed) },
        { "cancelled by someone else", new TaskCanceledException(), nameof(SendFailure.UpstreamFailed) },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Classify_Failure_ConnectFailedOnlyWhenNoConnectionWasMade(string what, Exception exception, string expected) =>
        Assert.Equal((what, expected), (what, SendFailures.Classify(exception, clientAborted: false, timedOut: false, bodyFailure: null).ToString()));

    [Fact]
    public void Classify_OurTimeoutFired_Timeout() =>
        Assert.Equal(SendFailure.Timeout, SendFailures.Classify(new TaskCanceledException(), clientAborted: false, timedOut: true, bodyFailure: null));

    [Fact]
    public void Classify_ClientWentAway_ClientAbortedWhateverTheException() =>
        Assert.Equal(SendFailure.ClientAborted, SendFailures.Classify(new HttpRequestException(HttpRequestError.ConnectionError), clientAborted: true, timedOut: true, bodyFailure: new IOException("unexpected end of request content")));

    [Fact]
    public void Classify_ReadingTheClientsBodyFailed_RequestBodyFailed() =>
        Assert.Equal(SendFailure.RequestBodyFailed, SendFailures.Classify(new HttpRequestException("copying content"), clientAborted: false, timedOut: false, bodyFailure: new IOException("unexpected end of request content")));

    [Fact]
    public void Classify_BodyPastTheLimit_RequestBodyTooLarge() =>
        Assert.Equal(SendFailure.RequestBodyTooLarge, SendFailures.Classify(new HttpRequestException("copying content"), clientAborted: false, timedOut: false, bodyFailure: new RequestBodyTooLargeException(10)));
}
