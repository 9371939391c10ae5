using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Periscope.Functions.Hosting;

/// <summary>
/// A response body whose stream and pipe writer return from writes and flushes on a thread-pool thread
/// (<see cref="SocketThread"/>); buffering, starting, files and completion are the original feature's own.
/// </summary>
internal sealed class OffSocketThreadResponseBody(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
{
    public Stream Stream { get; } = new OffSocketThreadStream(inner.Stream);

    public PipeWriter Writer { get; } = new OffSocketThreadPipeWriter(inner.Writer);

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => SocketThread.LeaveAfter(inner.StartAsync(cancellationToken));

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SocketThread.LeaveAfter(inner.SendFileAsync(path, offset, count, cancellationToken));

    public Task CompleteAsync() => inner.CompleteAsync();
}
