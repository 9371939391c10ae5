using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Periscope.Functions.Tests.Hosting;
using Periscope.Functions.Tests.Invoke.Doubles;

namespace Periscope.Functions.Tests.Invoke;

/// <summary>The circuit breaker per target, on a clock the tests move.</summary>
public sealed class InvokeResilienceTests
{
    private static readonly string[] Breaker =
    [
        "--Invoke:MaxRetries=0",
        "--Invoke:CircuitBreaker:MinimumThroughput=2",
        "--Invoke:CircuitBreaker:FailureRatio=0.5",
        "--Invoke:CircuitBreaker:BreakDuration=00:00:10",
    ];

    [Fact]
    public async Task Breaker_TargetFailing_OpensAnswers503FastThenRecoversAfterTheBreak()
    {
        var handler = new ConnectFailingHandler { FailNext = 100 };
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await GatewayForwarderTests.WithHostAsync(Breaker, With(handler, clock), async host =>
        {
            for (var i = 0; i < 2; i++)
            {
                using var failed = await host.Client.GetAsync("/api/invoke/default/shop/items/1");
                Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
            }

            using var refused = await host.Client.GetAsync("/api/invoke/default/shop/items/1");

            var problem = await ProblemJson.ReadAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.EndsWith("/circuit-open", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 10);
            Assert.Equal(2, handler.Sends);

            // Polly raises OnOpened on its own scheduler, just after the failing call returns.
            await Eventually.TrueAsync(
                async () => (await host.Client.GetStringAsync("/metrics")).Contains("periscope_invoke_circuit_open_total{app_id=\"shop\",namespace=\"default\"} 1", StringComparison.Ordinal),
                "the breaker's opening to be counted");

            clock.Advance(TimeSpan.FromSeconds(11));
            handler.FailNext = 0;
            using var trial = await host.Client.GetAsync("/api/invoke/default/shop/items/1");
            using var after = await host.Client.GetAsync("/api/invoke/default/shop/items/1");

            Assert.Equal(HttpStatusCode.OK, trial.StatusCode);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.Equal(4, handler.Sends);
        });
    }

    [Fact]
    public async Task Breaker_HalfOpenTrialFails_OpensAgain()
    {
        var handler = new ConnectFailingHandler { FailNext = 100 };
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await GatewayForwarderTests.WithHostAsync(Breaker, With(handler, clock), async host =>
        {
            for (var i = 0; i < 2; i++)
            {
                using var failed = await host.Client.GetAsync("/api/invoke/default/shop/items/1");
            }

            clock.Advance(TimeSpan.FromSeconds(11));
            using var trial = await host.Client.GetAsync("/api/invoke/default/shop/items/1");
            using var refused = await host.Client.GetAsync("/api/invoke/default/shop/items/1");

            Assert.Equal(HttpStatusCode.BadGateway, trial.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(3, handler.Sends);
        });
    }

    [Fact]
    public async Task Breaker_SidecarsOwn5xxErrors_OpenIt()
    {
        await GatewayForwarderTests.WithHostAsync(Breaker, null, async host =>
        {
            host.Sidecar.Answer = FakeSidecar.DaprError(StatusCodes.Status500InternalServerError, "ERR_DIRECT_INVOKE", "fail to invoke: connection refused");
            for (var i = 0; i < 2; i++)
            {
                using var failed = await host.Client.GetAsync("/api/invoke/default/shop/items/1");
                Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
            }

            using var refused = await host.Client.GetAsync("/api/invoke/default/shop/items/1");

            var problem = await ProblemJson.ReadAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.EndsWith("/circuit-open", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.Equal(2, host.Sidecar.Received.Count);
        });
    }

    [Fact]
    public async Task Breaker_AppsOwn5xxAnswers_DoNotOpenIt()
    {
        await GatewayForwarderTests.WithHostAsync(Breaker, null, async host =>
        {
            host.Sidecar.Answer = async (context, _) =>
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("the app's own failure");
            };

            for (var i = 0; i < 4; i++)
            {
                using var response = await host.Client.GetAsync("/api/invoke/default/shop/items/1");
                Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
                Assert.Equal("the app's own failure", await response.Content.ReadAsStringAsync());
            }

            Assert.Equal(4, host.Sidecar.Received.Count);
        });
    }

    [Fact]
    public async Task Breaker_OneTargetFailing_LeavesOthersAlone()
    {
        await GatewayForwarderTests.WithHostAsync(Breaker, null, async host =>
        {
            await host.ReportAsync("other", ShopDocument.Json);
            host.Sidecar.Answer = (context, request) => request.RawTarget.Contains("/shop.default/", StringComparison.Ordinal)
                ? FakeSidecar.DaprError(StatusCodes.Status503ServiceUnavailable, "ERR_DIRECT_INVOKE", "no endpoints")(context, request)
                : FakeSidecar.EchoAsync(context, request);
            for (var i = 0; i < 3; i++)
            {
                using var failed = await host.Client.GetAsync("/api/invoke/default/shop/items/1");
            }

            using var other = await host.Client.GetAsync("/api/invoke/default/other/items/1");

            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        });
    }

    private static Action<IServiceCollection> With(HttpMessageHandler handler, TimeProvider clock) => services =>
    {
        GatewayForwarderTests.Handler(handler)(services);
        services.AddSingleton(clock);
    };
}
