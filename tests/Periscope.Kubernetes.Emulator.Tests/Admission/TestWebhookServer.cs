using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Periscope.Kubernetes.Emulator.Security;

namespace Periscope.Kubernetes.Emulator.Tests.Admission;

/// <summary>An HTTPS admission webhook on loopback whose answer a test supplies per review.</summary>
internal sealed class TestWebhookServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestWebhookServer(WebApplication app, TestCertificateAuthority authority)
    {
        _app = app;
        Authority = authority;
    }

    public TestCertificateAuthority Authority { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<JsonObject> Reviews { get; } = new();

    /// <summary>Starts a webhook whose certificate names 127.0.0.1 and hook.periscope.svc.</summary>
    public static async Task<TestWebhookServer> StartAsync(Func<JsonObject, Task<JsonObject>> answer)
    {
        var authority = TestCertificateAuthority.Create("webhook-ca");
        var certificate = authority.IssueServerCertificate("127.0.0.1", "hook.periscope.svc");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var server = new TestWebhookServer(app, authority);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            var review = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            server.Reviews.Enqueue(review);
            var response = await answer(review);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.ToJsonString());
        });
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>The response a webhook sends: echoes the uid, allows, and carries the JSON Patch if any.</summary>
    public static JsonObject Allow(JsonObject review, string? jsonPatch = null)
    {
        var response = new JsonObject { ["uid"] = (string?)review["request"]!["uid"], ["allowed"] = true };
        if (jsonPatch is not null)
        {
            response["patchType"] = "JSONPatch";
            response["patch"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(jsonPatch));
        }

        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["response"] = response };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Authority.Dispose();
    }
}
