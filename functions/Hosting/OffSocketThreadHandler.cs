namespace Periscope.Functions.Hosting;

/// <summary>
/// Put in front of every HttpClient of the host but the gateway's: the answer (or the failure) and each read of its
/// body come back on a thread-pool thread (<see cref="SocketThread"/>), so a client that parses what it gets or
/// writes it to the store never does so on a socket thread. The gateway's own client goes without it: all it does
/// with an answer is stream it on, which is what the socket thread is for.
/// </summary>
internal sealed class OffSocketThreadHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await SocketThread.LeaveAfter(base.SendAsync(request, cancellationToken)).ConfigureAwait(false);
        response.Content = new OffSocketThreadContent(response.Content);
        return response;
    }
}
