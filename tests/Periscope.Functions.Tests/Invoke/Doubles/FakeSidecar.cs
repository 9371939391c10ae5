using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Periscope.Functions.Tests.Invoke.Doubles;

/// <summary>
/// Dapr's HTTP API on a loopback port, as far as the gateway uses it: every request is recorded as received,
/// and <see cref="Answer"/> decides the reply (by default an echo of what arrived). Requests for anything but
/// <c>/v1.0/invoke/…/method/…</c> get Dapr's 404 error, as daprd gives them.
/// </summary>
internal sealed class FakeSidecar : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<SidecarRequest> received = new();

    private FakeSidecar(WebApplication app) => this.app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The reply to an invocation; replace it per test (the host is per test class, so one test at a time).</summary>
    public Func<HttpContext, SidecarRequest, Task> Answer { get; set; } = EchoAsync;

    public IReadOnlyCollection<SidecarRequest> Received => received;

    public static async Task<FakeSidecar> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        var sidecar = new FakeSidecar(app);
        app.Run(sidecar.HandleAsync);
        await app.StartAsync();
        sidecar.Endpoint = new Uri(app.Urls.First());
        return sidecar;
    }

    /// <summary>Forgets what was received and answers with echoes again.</summary>
    public void Reset()
    {
        received.Clear();
        Answer = EchoAsync;
    }

    /// <summary>Answers Dapr's error body with <paramref name="status"/>.</summary>
    public static Func<HttpContext, SidecarRequest, Task> DaprError(int status, string code, string message) => async (context, _) =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var body = JsonSerializer.SerializeToUtf8Bytes(new { errorCode = code, message });
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    };

    public static async Task EchoAsync(HttpContext context, SidecarRequest request)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers["X-Echo"] = "yes";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            method = request.Method,
            target = request.RawTarget,
            body = request.BodyText,
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.ToString());
        var request = new SidecarRequest(context.Request.Method, rawTarget, headers, body.ToArray());
        received.Enqueue(request);
        if (!rawTarget.StartsWith("/v1.0/invoke/", StringComparison.Ordinal) || !rawTarget.Contains("/method/", StringComparison.Ordinal))
        {
            await DaprError(StatusCodes.Status404NotFound, "ERR_DIRECT_INVOKE", "failed getting app id either from the URL path or the header dapr-app-id")(context, request);
            return;
        }

        await Answer(context, request);
    }
}
