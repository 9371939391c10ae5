using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Periscope.EndToEnd.Tests.Gateway;

/// <summary>
/// An app that serves its OpenAPI document at <c>/openapi.json</c> and answers every other request with what
/// it received (method, raw target, headers, body) as JSON, keeping each request: the proof of what reached
/// the app, and of what did not.
/// </summary>
internal sealed class EchoApp : IAsyncDisposable
{
    public const string Document = """
        {"openapi":"3.0.3","info":{"title":"Echo","version":"1"},
         "paths":{
          "/items":{"post":{"operationId":"createItem",
            "requestBody":{"required":true,"content":{"application/json":{"schema":{"type":"object","required":["name"],
              "properties":{"name":{"type":"string","minLength":1},"quantity":{"type":"integer","minimum":1},"tags":{"type":"array","items":{"type":"string"}}}}}}},
            "responses":{"201":{"description":"created"}}}},
          "/items/{id}":{"get":{"operationId":"getItem","parameters":[
              {"name":"id","in":"path","required":true,"schema":{"type":"string","pattern":"^[a-z0-9-]+$"}},
              {"name":"fields","in":"query","schema":{"type":"array","items":{"type":"string"}}},
              {"name":"limit","in":"query","schema":{"type":"integer","maximum":100}},
              {"name":"X-Tenant","in":"header","required":true,"schema":{"type":"string","enum":["acme","globex"]}}],
            "responses":{"200":{"description":"ok"}}}}}}
        """;

    private readonly WebApplication app;
    private readonly ConcurrentQueue<EchoedRequest> received = new();

    private EchoApp(WebApplication app) => this.app = app;

    public int Port { get; private set; }

    /// <summary>Requests other than for the document, in arrival order.</summary>
    public IReadOnlyCollection<EchoedRequest> Received => received;

    public static async Task<EchoApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var echo = new EchoApp(app);
        app.Run(echo.HandleAsync);
        await app.StartAsync();
        echo.Port = new Uri(app.Urls.First()).Port;
        return echo;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path == "/openapi.json")
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Document);
            return;
        }

        using var body = new StreamReader(context.Request.Body);
        var request = new EchoedRequest(
            context.Request.Method,
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.ToString()),
            await body.ReadToEndAsync());
        received.Enqueue(request);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(request));
    }
}
