using System.Net.Sockets;

namespace Periscope.Functions.Tests.Invoke.Doubles;

/// <summary>
/// In front of the real handler: fails the next <see cref="FailNext"/> sends the way SocketsHttpHandler fails
/// a refused connection (HttpRequestError.ConnectionError over a SocketException), counting every send.
/// </summary>
internal sealed class ConnectFailingHandler() : DelegatingHandler(Periscope.Functions.Invoke.SidecarHttpClient.CreateHandler())
{
    private int failNext;
    private int sends;

    public int FailNext
    {
        get => Volatile.Read(ref failNext);
        set => Volatile.Write(ref failNext, value);
    }

    public int Sends => Volatile.Read(ref sends);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref sends);
        if (Interlocked.Decrement(ref failNext) >= 0)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:3500)", new SocketException((int)SocketError.ConnectionRefused));
        }

        Interlocked.Exchange(ref failNext, 0);
        return base.SendAsync(request, cancellationToken);
    }
}
