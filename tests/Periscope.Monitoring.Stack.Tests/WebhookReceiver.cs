using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Periscope.Monitoring.Stack.Tests;

/// <summary>A capture-then-answer HTTP receiver on Kestrel (127.0.0.1, port 0) for Alertmanager's webhook.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<WebhookDelivery> _deliveries = Channel.CreateUnbounded<WebhookDelivery>();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The bound address (port 0 resolved by Kestrel once started) and the hook path.</summary>
    public Uri Url => new(new Uri(_app.Urls.First()), "hook");

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            await receiver._deliveries.Writer.WriteAsync(new WebhookDelivery(request.Headers.Authorization.ToString(), body));
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next delivery, or a failure at the deadline.</summary>
    public async Task<WebhookDelivery> NextAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            return await _deliveries.Reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No webhook delivery within {timeout.TotalSeconds:0.#} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
