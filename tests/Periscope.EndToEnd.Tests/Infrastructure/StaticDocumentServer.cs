namespace Periscope.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A stand-in app that serves one OpenAPI document, as a static file server would, at a path the test
/// chooses; the document can be replaced while it runs.
/// </summary>
internal sealed class StaticDocumentServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile Served _served;
    private int _documentRequests;

    private StaticDocumentServer(WebApplication app, Served served)
    {
        _app = app;
        _served = served;
    }

    public int Port { get; private set; }

    /// <summary>How many times the document was fetched.</summary>
    public int DocumentRequests => Volatile.Read(ref _documentRequests);

    public static async Task<StaticDocumentServer> StartAsync(string path, string content, string contentType)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new StaticDocumentServer(app, new Served(path, content, contentType));
        app.Run(async context =>
        {
            var served = server._served;
            if (context.Request.Path != served.Path)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            Interlocked.Increment(ref server._documentRequests);
            context.Response.ContentType = served.ContentType;
            await context.Response.WriteAsync(served.Content);
        });
        await app.StartAsync();
        server.Port = new Uri(app.Urls.First()).Port;
        return server;
    }

    public void Replace(string content) => _served = _served with { Content = content };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Served(string Path, string Content, string ContentType);
}
