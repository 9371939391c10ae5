using System.Net;
using Periscope.Kubernetes.Credentials;
using Periscope.Kubernetes.Http;

namespace Periscope.Kubernetes.Tests.Http;

// The 401 retry: a revoked token is dropped and the request sent once more with a fresh one, bodies included.
public sealed class AuthenticationHandlerTests
{
    // Hands out "token-1", "token-2", … : each Invalidate makes the next GetAsync fetch a new one.
    private sealed class RotatingCredentials : ICredentialSource
    {
        private int _generation = 1;

        public int Invalidations { get; private set; }

        public Credential? Current => new($"token-{_generation}", null);

        public ValueTask<Credential> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Current!);

        public void Invalidate()
        {
            Invalidations++;
            _generation++;
        }
    }

    // Accepts only "token-2" and echoes the body it got.
    private static async Task AcceptSecondToken(HttpContext context)
    {
        if (context.Request.Headers.Authorization != "Bearer token-2")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        await context.Response.WriteAsync("got:" + await reader.ReadToEndAsync());
    }

    private static async Task<(HttpStatusCode Status, string Body, int Invalidations)> SendAsync(Func<HttpContent?> content)
    {
        await using var server = await FakeApiServer.StartAsync(AcceptSecondToken);
        var credentials = new RotatingCredentials();
        using var client = new HttpClient(new AuthenticationHandler(credentials) { InnerHandler = new SocketsHttpHandler() });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, "/api/v1/namespaces")) { Content = content() };
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), credentials.Invalidations);
    }

    [Fact]
    public async Task SendAsync_RevokedTokenWithInMemoryBody_RetriesOnceWithTheNewTokenAndTheSameBody()
    {
        var (status, body, invalidations) = await SendAsync(() => new StringContent("""{"kind":"Namespace"}"""));

        Assert.Equal((HttpStatusCode.OK, "got:{\"kind\":\"Namespace\"}", 1), (status, body, invalidations));
    }

    [Fact]
    public async Task SendAsync_RevokedTokenWithStreamedBody_ReturnsThe401()
    {
        var (status, _, invalidations) = await SendAsync(() => new StreamContent(new MemoryStream("{}"u8.ToArray())));

        Assert.Equal((HttpStatusCode.Unauthorized, 0), (status, invalidations));
    }

    [Fact]
    public async Task SendAsync_RevokedTokenWithoutBody_RetriesOnce()
    {
        var (status, body, invalidations) = await SendAsync(() => null);

        Assert.Equal((HttpStatusCode.OK, "got:", 1), (status, body, invalidations));
    }
}
