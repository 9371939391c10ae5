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

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await SocketThread.Leave();
        }
    }

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.SendFileAsync(path, offset, count, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await SocketThread.Leave();
        }
    }

    public Task CompleteAsync() => inner.CompleteAsync();
}
