using System.Net;
using Periscope.Functions.Hosting;
using Periscope.Functions.Tests.Hosting.Doubles;

namespace Periscope.Functions.Tests.Hosting;

public sealed class FunctionConcurrencyMiddlewareTests
{
    [Fact]
    public async Task InvokeAsync_BeyondMaxOutstandingRequests_Answers429AtOnceWhileAdmittedRequestsComplete()
    {
        await using var host = await FunctionsTestHost.StartAsync("""
            { "extensions": { "http": { "maxConcurrentRequests": 1, "maxOutstandingRequests": 2 } } }
            """);
        var gate = host.Get<FunctionGate>();
        var limiter = host.Get<FunctionConcurrencyLimit>().Limiter!;

        var first = host.Client.GetAsync("/api/gated");
        await gate.WaitForEntryAsync();
        var second = host.Client.GetAsync("/api/gated");
        await Eventually.TrueAsync(() => limiter.GetStatistics()?.CurrentQueuedCount == 1, "the second request waits in the queue");

        using var third = await host.Client.GetAsync("/api/gated");
        using var healthz = await host.Client.GetAsync("/healthz");

        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        var problem = await ProblemJson.ReadAsync(third, HttpStatusCode.TooManyRequests);
        Assert.Equal("https://periscope.dev/problems/too-many-requests", problem.GetProperty("type").GetString());
        Assert.Equal(TimeSpan.FromSeconds(1), third.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(1, gate.Entered);

        gate.Release();
        using var firstResponse = await first;
        using var secondResponse = await second;
        Assert.Equal("released", await firstResponse.Content.ReadAsStringAsync());
        Assert.Equal("released", await secondResponse.Content.ReadAsStringAsync());
        Assert.Equal(2, gate.Entered);
    }

    [Fact]
    public async Task InvokeAsync_BothLimitsUnbounded_UsesNoLimiter()
    {
        await using var host = await FunctionsTestHost.StartAsync("""
            { "extensions": { "http": { "maxConcurrentRequests": -1, "maxOutstandingRequests": -1 } } }
            """);

        Assert.Null(host.Get<FunctionConcurrencyLimit>().Limiter);
        Assert.Equal("ok", await host.Client.GetStringAsync("/api/echo/ok"));
    }
}
