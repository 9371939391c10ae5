using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Periscope.Sidecar.Configuration;
using Periscope.Sidecar.Invocation;

namespace Periscope.Sidecar.Tests.Invocation;

/// <summary>The resolver against a fake catalog on loopback, with a clock moved by hand.</summary>
public sealed class AppIdResolverTests : IAsyncLifetime
{
    private static readonly AppKey Orders = new("shop", "orders");

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
    private EndpointsCatalog catalog = null!;

    public async Task InitializeAsync()
    {
        catalog = await EndpointsCatalog.StartAsync();
        catalog.List("shop", "orders", "10.0.0.1:3501", "10.0.0.2:3501");
    }

    public Task DisposeAsync() => catalog.DisposeAsync().AsTask();

    [Fact]
    public async Task Resolve_Listed_EndpointsFromTheCatalog()
    {
        var resolver = Resolver();

        var resolution = await resolver.ResolveAsync(Orders, default);

        Assert.Equal(ResolutionStatus.Found, resolution.Status);
        Assert.Equal(["10.0.0.1:3501", "10.0.0.2:3501"], resolution.Endpoints!.Endpoints.Select(e => e.Authority));
        Assert.Equal(new Uri("http://10.0.0.1:3501"), resolution.Endpoints.Endpoints[0].Destination);
        Assert.Equal("/api/services/shop/orders/endpoints", Assert.Single(catalog.Requests.Items).Path);
    }

    [Fact]
    public async Task Resolve_TokenAndRoutePrefix_SentAsConfigured()
    {
        var resolver = Resolver(InvocationOptions.For(new Uri(catalog.Url, "/gateway")) with { CatalogRoutePrefix = "fn", CatalogToken = "t0ken" });

        await resolver.ResolveAsync(Orders, default);

        Assert.Equal(new CatalogLookupRequest("/gateway/fn/services/shop/orders/endpoints", "Bearer t0ken"), Assert.Single(catalog.Requests.Items));
    }

    [Fact]
    public async Task Resolve_IPv6Endpoint_BracketedDestination()
    {
        catalog.List("shop", "orders", "[fd00::1]:3501");

        var resolution = await Resolver().ResolveAsync(Orders, default);

        Assert.Equal(new Uri("http://[fd00::1]:3501"), Assert.Single(resolution.Endpoints!.Endpoints).Destination);
    }

    [Fact]
    public async Task Resolve_UnknownToTheCatalog_UnknownApp()
    {
        var resolution = await Resolver().ResolveAsync(new AppKey("shop", "nobody"), default);

        Assert.Equal(ResolutionStatus.UnknownApp, resolution.Status);
    }

    [Fact]
    public async Task Resolve_ListedWithoutEndpoints_NoEndpoints()
    {
        catalog.ListWithoutEndpoints("shop", "orders");

        var resolution = await Resolver().ResolveAsync(Orders, default);

        Assert.Equal(ResolutionStatus.NoEndpoints, resolution.Status);
    }

    [Fact]
    public async Task Resolve_OwnAppId_OwnEndpointWithoutAskingTheCatalog()
    {
        var resolution = await Resolver().ResolveAsync(new AppKey("shop", "checkout"), default);

        Assert.Equal("127.0.0.1:3501", Assert.Single(resolution.Endpoints!.Endpoints).Authority);
        Assert.Equal(0, catalog.Requests.Count);
    }

    [Fact]
    public async Task Resolve_WithinTtl_AsksTheCatalogOnce()
    {
        var resolver = Resolver();

        var first = await resolver.ResolveAsync(Orders, default);
        clock.Advance(TimeSpan.FromSeconds(4));
        var second = await resolver.ResolveAsync(Orders, default);

        Assert.Same(first, second);
        Assert.Equal(1, catalog.Requests.Count);
    }

    [Fact]
    public async Task Resolve_AfterTtl_ServesTheListAndRefreshesInTheBackground()
    {
        var resolver = Resolver();
        var first = await resolver.ResolveAsync(Orders, default);
        catalog.List("shop", "orders", "10.0.0.2:3501", "10.0.0.3:3501");
        var release = catalog.Hold();
        clock.Advance(TimeSpan.FromSeconds(6));

        var stale = await resolver.ResolveAsync(Orders, default);
        await catalog.Requests.WaitForCountAsync(2, "the background refresh");
        release();
        var refreshed = await Eventually(() => resolver.ResolveAsync(Orders, default), r => r != first);

        Assert.Same(first, stale);
        Assert.Equal(["10.0.0.2:3501", "10.0.0.3:3501"], refreshed.Endpoints!.Endpoints.Select(e => e.Authority));
        // The endpoint the catalog still lists is the same object, so its counts carry over.
        Assert.Same(first.Endpoints!.Endpoints[1], refreshed.Endpoints.Endpoints[0]);
    }

    [Fact]
    public async Task Resolve_ConcurrentMisses_OneCatalogLookup()
    {
        var resolver = Resolver();
        var release = catalog.Hold();

        var callers = Enumerable.Range(0, 20).Select(_ => resolver.ResolveAsync(Orders, default).AsTask()).ToList();
        await catalog.Requests.WaitForCountAsync(1, "the lookup");
        release();
        var resolutions = await Task.WhenAll(callers);

        Assert.Equal(1, catalog.Requests.Count);
        Assert.All(resolutions, r => Assert.Same(resolutions[0], r));
        Assert.Equal(ResolutionStatus.Found, resolutions[0].Status);
    }

    [Fact]
    public async Task Resolve_CallerGivesUp_OthersStillGetTheLookup()
    {
        var resolver = Resolver();
        var release = catalog.Hold();
        using var impatient = new CancellationTokenSource();

        var gaveUp = resolver.ResolveAsync(Orders, impatient.Token).AsTask();
        var waits = resolver.ResolveAsync(Orders, default).AsTask();
        await catalog.Requests.WaitForCountAsync(1, "the lookup");
        await impatient.CancelAsync();
        release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);
        Assert.Equal(ResolutionStatus.Found, (await waits).Status);
    }

    [Fact]
    public async Task Resolve_CatalogDownAfterTtl_ServesTheLastList()
    {
        var resolver = Resolver();
        var first = await resolver.ResolveAsync(Orders, default);
        await catalog.Server.StopAsync();
        clock.Advance(TimeSpan.FromMinutes(5));

        var resolution = await resolver.ResolveAsync(Orders, default);

        Assert.Same(first, resolution);
    }

    [Fact]
    public async Task Resolve_CatalogFailingAfterNegativeAnswerExpired_ServesTheLastAnswer()
    {
        var resolver = Resolver();
        await resolver.ResolveAsync(new AppKey("shop", "nobody"), default);
        catalog.Fail(503);
        clock.Advance(TimeSpan.FromSeconds(30));

        var resolution = await resolver.ResolveAsync(new AppKey("shop", "nobody"), default);

        Assert.Equal(ResolutionStatus.UnknownApp, resolution.Status);
        Assert.Equal(2, catalog.Requests.Count);
    }

    [Fact]
    public async Task Resolve_CatalogDownBeyondTheStaleLimit_Unavailable()
    {
        var resolver = Resolver();
        await resolver.ResolveAsync(Orders, default);
        await catalog.Server.StopAsync();
        clock.Advance(AppIdResolver.StaleLimit + TimeSpan.FromSeconds(6));

        var resolution = await resolver.ResolveAsync(Orders, default);

        Assert.Equal(ResolutionStatus.CatalogUnavailable, resolution.Status);
        Assert.Contains("unreachable", resolution.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_CatalogAnswers500NothingKnown_UnavailableWithTheStatus()
    {
        catalog.Fail(500);

        var resolution = await Resolver().ResolveAsync(Orders, default);

        Assert.Equal(ResolutionStatus.CatalogUnavailable, resolution.Status);
        Assert.Contains("500", resolution.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectFailed_Endpoint_OutOfRotationForAWhile()
    {
        var resolver = Resolver();
        var endpoints = (await resolver.ResolveAsync(Orders, default)).Endpoints!;

        resolver.ConnectFailed(Orders, endpoints.Endpoints[0]);
        var during = resolver.Candidates(endpoints, []);
        clock.Advance(AppIdResolver.OutOfRotationFor);
        var after = resolver.Candidates(endpoints, []);

        Assert.Equal([endpoints.Endpoints[1]], during);
        Assert.Equal(endpoints.Endpoints, after);
    }

    [Fact]
    public async Task ConnectFailed_EveryEndpoint_AllTriedRatherThanNone()
    {
        var resolver = Resolver();
        var endpoints = (await resolver.ResolveAsync(Orders, default)).Endpoints!;

        resolver.ConnectFailed(Orders, endpoints.Endpoints[0]);
        resolver.ConnectFailed(Orders, endpoints.Endpoints[1]);

        Assert.Equal(endpoints.Endpoints, resolver.Candidates(endpoints, []));
        Assert.Equal([endpoints.Endpoints[1]], resolver.Candidates(endpoints, [endpoints.Endpoints[0]]));
    }

    [Fact]
    public async Task ConnectFailed_WithinTtl_ListRefreshedSooner()
    {
        var resolver = Resolver();
        var endpoints = (await resolver.ResolveAsync(Orders, default)).Endpoints!;

        resolver.ConnectFailed(Orders, endpoints.Endpoints[0]);
        await resolver.ResolveAsync(Orders, default);

        await catalog.Requests.WaitForCountAsync(2, "a refresh after the connect failure");
    }

    private AppIdResolver Resolver(SidecarOptions? options = null)
    {
        options ??= InvocationOptions.For(catalog.Url);
        var http = new HttpClient { Timeout = options.RequestTimeout };
        return new AppIdResolver(new CatalogEndpointsClient(http, options), options, clock, NullLogger<AppIdResolver>.Instance);
    }

    private static async Task<Resolution> Eventually(Func<ValueTask<Resolution>> resolve, Func<Resolution, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var resolution = await resolve();
            if (condition(resolution) || DateTime.UtcNow > deadline)
            {
                return resolution;
            }

            await Task.Delay(10);
        }
    }
}
