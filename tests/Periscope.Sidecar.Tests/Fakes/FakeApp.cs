using System.Text;
using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Tests.Fakes;

/// <summary>
/// An app next to the sidecar: serves one document at one path (404 elsewhere), optionally with an
/// ETag it honours in If-None-Match; the test can change, move or remove the document, or stop the app.
/// </summary>
internal sealed class FakeApp : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly LoopbackServer server;
    private ServedDocument? served;

    private FakeApp() => server = new LoopbackServer(HandleAsync);

    public Recording<AppRequest> Requests { get; } = new();

    public LoopbackServer Server => server;

    public int Port => server.Port;

    /// <summary>A running app serving nothing yet.</summary>
    public static async Task<FakeApp> StartAsync()
    {
        var app = new FakeApp();
        await app.server.StartAsync();
        return app;
    }

    /// <summary>An app that is not up yet: its port refuses connections until <see cref="LoopbackServer.StartAsync"/>.</summary>
    public static async Task<FakeApp> NotStartedAsync()
    {
        var app = new FakeApp();
        await app.server.ReservePortAsync();
        return app;
    }

    /// <summary>Serves <paramref name="content"/> at <paramref name="path"/>; returns the hash the catalog should get.</summary>
    public string Serve(string path, string content, string contentType = "application/json", bool withETag = false)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var hash = DocumentHash.Of(bytes);
        lock (gate)
        {
            served = new ServedDocument(path, bytes, contentType, withETag ? $"\"{hash[^16..]}\"" : null);
        }

        return hash;
    }

    public void ServeNothing()
    {
        lock (gate)
        {
            served = null;
        }
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        ServedDocument? document;
        lock (gate)
        {
            document = served;
        }

        var path = context.Request.Path + context.Request.QueryString;
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        var status = document is null || document.Path != path ? 404
            : document.ETag is not null && ifNoneMatch == document.ETag ? 304
            : 200;
        Requests.Add(new AppRequest(path, ifNoneMatch.Length == 0 ? null : ifNoneMatch, status));

        context.Response.StatusCode = status;
        if (document?.ETag is { } etag && status != 404)
        {
            context.Response.Headers.ETag = etag;
        }

        if (status == 200)
        {
            context.Response.ContentType = document!.ContentType;
            context.Response.ContentLength = document.Bytes.Length;
            await context.Response.Body.WriteAsync(document.Bytes);
        }
    }

    private sealed record ServedDocument(string Path, byte[] Bytes, string ContentType, string? ETag);
}
