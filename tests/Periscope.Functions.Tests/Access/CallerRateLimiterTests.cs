using System.Net;
using Periscope.Functions.Access;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Access;

/// <summary>A host allowing one request a second with a burst of two, per caller.</summary>
public sealed class CallerRateLimiterTests : IAsyncLifetime
{
    private AccessHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await AccessHost.StartAsync(["--Access:RateLimit:PermitsPerSecond=1", "--Access:RateLimit:Burst=2"]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TryAcquire_KeyOverBurst_Answers429WithRetryAfterWhileOtherKeysPass()
    {
        var (id, key) = await _host.CreateKeyAsync(Role.Viewer, "busy");
        var (_, other) = await _host.CreateKeyAsync(Role.Viewer, "quiet");
        using var busy = _host.CreateClient(key);
        using var quiet = _host.CreateClient(other);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await busy.GetAsync("/api/access/me");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.TooManyRequests);
                Assert.Contains($"API key {id}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
            }
        }

        using var fromOther = await quiet.GetAsync("/api/access/me");

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, fromOther.StatusCode);
    }

    [Fact]
    public async Task TryAcquire_ReportToken_IsNeverLimited()
    {
        using var sidecar = _host.CreateClient(AccessHost.ReportToken);

        for (var i = 0; i < 6; i++)
        {
            using var response = await sidecar.GetAsync("/api/access/me");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task TryAcquire_AnonymousOverBurst_Answers429BeforeAuthenticationFails()
    {
        var statuses = new List<HttpStatusCode>();
        using var guesser = _host.CreateClient("psk_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        for (var i = 0; i < 5; i++)
        {
            using var response = await guesser.GetAsync("/api/services");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }
}
