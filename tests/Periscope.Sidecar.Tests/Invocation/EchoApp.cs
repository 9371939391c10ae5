using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Periscope.Sidecar.Tests.Fakes;

namespace Periscope.Sidecar.Tests.Invocation;

/// <summary>
/// An invoked app (standing in for the target pod's sidecar): answers 200 with JSON saying who it is and
/// what it received: method, request target as received, the headers that matter, the body.
/// </summary>
internal sealed class EchoApp : IAsyncDisposable
{
    private static readonly string[] EchoedHeaders =
        ["content-type", "dapr-app-id", "dapr-api-token", "authorization", "dapr-caller-app-id", "dapr-caller-namespace", "dapr-callee-app-id", "traceparent", "x-custom"];

    private readonly LoopbackServer server;

    private EchoApp(string name)
    {
        Name = name;
        server = new LoopbackServer(HandleAsync);
    }

    public string Name { get; }

    public Recording<string> Methods { get; } = new();

    public Uri Url => server.Url;

    public static async Task<EchoApp> StartAsync(string name)
    {
        var app = new EchoApp(name);
        await app.server.StartAsync();
        return app;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        Methods.Add(context.Request.Method);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = EchoedHeaders
            .Where(name => context.Request.Headers.ContainsKey(name))
            .ToDictionary(name => name, name => context.Request.Headers[name].ToString());
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Echo(
            Name, context.Request.Method, context.Features.Get<IHttpRequestFeature>()!.RawTarget, headers, body)));
    }
}
