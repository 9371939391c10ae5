using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Functions.Hosting;
using Periscope.Functions.Invoke;
using Periscope.Functions.Tests.Access;

namespace Periscope.Functions.Tests.Hosting.SocketThreads;

public sealed class SocketThreadDispatchMiddlewareTests
{
    [Fact]
    public async Task InvokeAsync_UnmarkedEndpointOnSocketThread_RunsOnPoolThreadWithWrappedBodiesThenRestoresThem()
    {
        var context = Context(marked: false);
        var (requestBody, responseBody) = (context.Request.Body, context.Features.Get<IHttpResponseBodyFeature>());
        (ThreadSeen Seen, Type Request, Type Response)? inside = null;
        var middleware = new SocketThreadDispatchMiddleware(http =>
        {
            inside = (ThreadSeen.Now(), http.Request.Body.GetType(), http.Features.Get<IHttpResponseBodyFeature>()!.GetType());
            return Task.CompletedTask;
        });

        var before = await DedicatedThread.StartOnNewThread(async () =>
        {
            var seen = ThreadSeen.Now();
            await middleware.InvokeAsync(context).ConfigureAwait(false);
            return seen;
        });

        Assert.False(before.PoolThread);
        Assert.NotNull(inside);
        Assert.True(inside.Value.Seen.PoolThread);
        Assert.Equal(typeof(OffSocketThreadStream), inside.Value.Request);
        Assert.Equal(typeof(OffSocketThreadResponseBody), inside.Value.Response);
        Assert.Same(requestBody, context.Request.Body);
        Assert.Same(responseBody, context.Features.Get<IHttpResponseBodyFeature>());
    }

    [Fact]
    public async Task InvokeAsync_MarkedEndpoint_RunsOnTheCallingThreadWithTheBodiesAsTheyAre()
    {
        var context = Context(marked: true);
        var requestBody = context.Request.Body;
        (ThreadSeen Seen, Stream Request)? inside = null;
        var middleware = new SocketThreadDispatchMiddleware(http =>
        {
            inside = (ThreadSeen.Now(), http.Request.Body);
            return Task.CompletedTask;
        });

        var before = await DedicatedThread.StartOnNewThread(async () =>
        {
            var seen = ThreadSeen.Now();
            await middleware.InvokeAsync(context).ConfigureAwait(false);
            return seen;
        });

        Assert.NotNull(inside);
        Assert.Equal(before, inside.Value.Seen);
        Assert.Same(requestBody, inside.Value.Request);
    }

    [Fact]
    public async Task InvokeAsync_UnmarkedEndpointThatThrows_RestoresTheBodiesForTheErrorAnswer()
    {
        var context = Context(marked: false);
        var responseBody = context.Features.Get<IHttpResponseBodyFeature>();
        var middleware = new SocketThreadDispatchMiddleware(_ => throw new InvalidOperationException("boom"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.InvokeAsync(context));

        Assert.Same(responseBody, context.Features.Get<IHttpResponseBodyFeature>());
    }

    [Fact]
    public async Task Application_OnlyTheInvokeByPathFunctionRunsOnTheSocketThread()
    {
        // A function marked by mistake would run its store calls on the thread that serves every connection.
        await using var host = await AccessHost.StartAsync([]);

        var marked = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(endpoint => endpoint.Metadata.GetMetadata<RunsOnSocketThreadMetadata>() is not null)
            .Select(endpoint => endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)
            .Distinct()
            .ToList();

        Assert.Equal([nameof(InvokeByPath)], marked);
    }

    private static DefaultHttpContext Context(bool marked)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream("request"u8.ToArray());
        var metadata = marked ? new EndpointMetadataCollection(RunsOnSocketThreadMetadata.Instance) : EndpointMetadataCollection.Empty;
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, metadata, "test"));
        return context;
    }
}
