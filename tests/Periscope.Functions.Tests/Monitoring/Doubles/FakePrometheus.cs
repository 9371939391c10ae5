using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Periscope.Functions.Tests.Monitoring.Doubles;

/// <summary>
/// A Prometheus HTTP API on a loopback port that answers what the test sets, and keeps each request it got
/// (path, query string, Authorization), for the client's wire behaviour and its error cases.
/// </summary>
internal sealed class FakePrometheus : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakePrometheus(WebApplication app)
    {
        this.app = app;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/");
    }

    public Uri BaseAddress { get; }

    /// <summary>The status, content type and body of every answer; a test replaces it.</summary>
    public Func<HttpRequest, Task<(int Status, string ContentType, string Body)>> Answer { get; set; } =
        _ => Task.FromResult((200, "application/json", """{"status":"success","data":{"resultType":"vector","result":[]}}"""));

    public List<(string Path, IQueryCollection Query, string? Authorization)> Requests { get; } = [];

    public static async Task<FakePrometheus> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakePrometheus? fake = null;
        app.Run(async context =>
        {
            lock (fake!.Requests)
            {
                fake.Requests.Add((context.Request.Path, context.Request.Query, context.Request.Headers.Authorization.ToString() is { Length: > 0 } value ? value : null));
            }

            var (status, contentType, body) = await fake.Answer(context.Request);
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body, context.RequestAborted);
        });
        await app.StartAsync();
        fake = new FakePrometheus(app);
        return fake;
    }

    public static Task<(int, string, string)> Json(int status, string body) => Task.FromResult((status, "application/json", body));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
