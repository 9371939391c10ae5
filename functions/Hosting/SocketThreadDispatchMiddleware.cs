using Microsoft.AspNetCore.Http.Features;

namespace Periscope.Functions.Hosting;

/// <summary>
/// With Kestrel's inline scheduling (<see cref="FunctionsHostBuilderExtensions"/>) a request starts on the socket
/// thread that read it. Only endpoints marked <see cref="RunsOnSocketThreadMetadata"/> (the invoke function, which only
/// streams) stay there; every other request moves to the thread pool before any function code runs, and its request
/// and response bodies are wrapped so that awaiting a read, a write or a flush brings it back to the pool too
/// (<see cref="OffSocketThreadStream"/>, <see cref="OffSocketThreadResponseBody"/>): the store's blocking calls and
/// long computations never hold up the process's connections.
/// </summary>
internal sealed class SocketThreadDispatchMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RunsOnSocketThreadMetadata>() is not null)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        var requestBody = request.Body;
        var responseBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        request.Body = new OffSocketThreadStream(requestBody);
        context.Features.Set<IHttpResponseBodyFeature>(new OffSocketThreadResponseBody(responseBody));
        await SocketThread.Leave();
        try
        {
            await next(context);
        }
        finally
        {
            request.Body = requestBody;
            context.Features.Set(responseBody);
        }
    }
}
