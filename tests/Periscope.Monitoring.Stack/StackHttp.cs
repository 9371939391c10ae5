namespace Periscope.Monitoring.Stack;

/// <summary>One client for all readiness polls and API calls: the servers are on loopback and answer fast.</summary>
internal static class StackHttp
{
    public static HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<string> SendAsync(HttpRequestMessage request, string server, CancellationToken cancellationToken)
    {
        using var response = await Client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"{server}: {request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}",
                inner: null,
                response.StatusCode);
        }

        return body;
    }
}
