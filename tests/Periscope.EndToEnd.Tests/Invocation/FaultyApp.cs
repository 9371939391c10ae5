using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Periscope.EndToEnd.Tests.Invocation;

/// <summary>
/// An app that misbehaves on request: swallows or produces huge bodies, answers too late, resets the
/// connection. Bodies are generated and counted, never held, so the test measures the sidecar, not itself.
/// </summary>
internal sealed class FaultyApp : IAsyncDisposable
{
    private static readonly byte[] Chunk = new byte[64 * 1024];

    private readonly WebApplication app;
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FaultyApp(WebApplication app) => this.app = app;

    public int Port { get; private set; }

    public static async Task<FaultyApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        var faulty = new FaultyApp(app);
        app.MapPost("/sink", faulty.SinkAsync);
        app.MapGet("/source", faulty.SourceAsync);
        app.MapGet("/slow", faulty.SlowAsync);
        app.MapGet("/reset", (HttpContext context) => context.Abort());
        app.MapGet("/openapi.json", () => Results.Text(
            """{"openapi":"3.0.3","info":{"title":"faulty","version":"1"},"paths":{"/sink":{"post":{"operationId":"sink","responses":{"200":{"description":"ok"}}}}}}""",
            "application/json"));
        await app.StartAsync();
        faulty.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return faulty;
    }

    public async ValueTask DisposeAsync()
    {
        released.TrySetResult();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task SinkAsync(HttpContext context)
    {
        var buffer = new byte[Chunk.Length];
        long total = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            total += read;
        }

        await context.Response.WriteAsync(total.ToString(CultureInfo.InvariantCulture), context.RequestAborted);
    }

    private async Task SourceAsync(HttpContext context, long bytes)
    {
        context.Response.ContentLength = bytes;
        for (var left = bytes; left > 0; left -= Chunk.Length)
        {
            await context.Response.Body.WriteAsync(Chunk.AsMemory(0, (int)Math.Min(Chunk.Length, left)), context.RequestAborted);
        }
    }

    /// <summary>Answers only when the test ends (or the caller gives up), i.e. later than any sidecar timeout.</summary>
    private async Task SlowAsync(HttpContext context)
    {
        await released.Task.WaitAsync(context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
