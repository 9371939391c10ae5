using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Periscope.Functions.Tests.Hosting;

public sealed class FunctionEndpointRouteBuilderExtensionsTests
{
    [Fact]
    public async Task MapFunctions_DefaultHostJson_ServesFunctionsUnderApi()
    {
        await using var host = await FunctionsTestHost.StartAsync("""{ "version": "2.0" }""");

        Assert.Equal("hi", await host.Client.GetStringAsync("/api/echo/hi"));
    }

    [Fact]
    public async Task MapFunctions_CustomRoutePrefix_ServesFunctionsOnlyUnderIt()
    {
        await using var host = await FunctionsTestHost.StartAsync("""{ "extensions": { "http": { "routePrefix": "v1/functions" } } }""");

        Assert.Equal("hi", await host.Client.GetStringAsync("/v1/functions/echo/hi"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/echo/hi")).StatusCode);
    }

    [Fact]
    public async Task MapFunctions_EmptyRoutePrefix_ServesFunctionsAtTheRoot()
    {
        await using var host = await FunctionsTestHost.StartAsync("""{ "extensions": { "http": { "routePrefix": "" } } }""");

        Assert.Equal("hi", await host.Client.GetStringAsync("/echo/hi"));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task MapFunction_AnyFunction_NamesTheEndpointAfterTheClass()
    {
        await using var host = await FunctionsTestHost.StartAsync("{}");

        var names = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)
            .OfType<string>();

        Assert.Equal(["CreateWidget", "Echo", "Fails", "FindWidget", "Gated", "Slow"], names.Order());
    }
}
