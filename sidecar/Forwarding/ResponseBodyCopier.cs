using System.Buffers;
using System.IO.Pipelines;

namespace Periscope.Sidecar.Forwarding;

/// <summary>
/// Streams the destination's response body to the client through a pooled buffer, flushing every
/// chunk, so the client sees bytes as the destination sends them and memory stays flat whatever the
/// size. Modelled on YARP's StreamCopier (microsoft/reverse-proxy, src/ReverseProxy/Forwarder).
/// </summary>
internal static class ResponseBodyCopier
{
    private const int BufferSize = 64 * 1024;

    /// <remarks>A ValueTask: a body already received is copied without waiting, and a Task would be allocated for it.</remarks>
    public static async ValueTask<ResponseCopyResult> CopyAsync(HttpContent content, PipeWriter client, CancellationToken cancellation)
    {
        long written = 0;
        byte[]? buffer = null;
        try
        {
            Stream source;
            try
            {
                // The content is SocketsHttpHandler's, which hands out its response stream at once: the
                // synchronous call saves the Task the asynchronous one allocates for it. (Other contents may
                // buffer here; the sidecar's forwarders only ever copy SocketsHttpHandler's.)
                source = content.ReadAsStream(cancellation);
            }
            catch (Exception exception)
            {
                return new ResponseCopyResult(0, FailureOf(exception, ResponseCopyFailure.Source), exception);
            }

            while (true)
            {
                buffer ??= ArrayPool<byte>.Shared.Rent(BufferSize);
                int read;
                try
                {
                    read = await source.ReadAsync(buffer, cancellation);
                }
                catch (Exception exception)
                {
                    return new ResponseCopyResult(written, FailureOf(exception, ResponseCopyFailure.Source), exception);
                }

                if (read == 0)
                {
                    return new ResponseCopyResult(written, ResponseCopyFailure.None, null);
                }

                try
                {
                    // PipeWriter.WriteAsync writes and flushes: the chunk goes to the client now.
                    var flushed = await client.WriteAsync(buffer.AsMemory(0, read), cancellation);
                    written += read;
                    if (flushed.IsCompleted || flushed.IsCanceled)
                    {
                        return new ResponseCopyResult(written, ResponseCopyFailure.Client, null);
                    }
                }
                catch (Exception exception)
                {
                    return new ResponseCopyResult(written, FailureOf(exception, ResponseCopyFailure.Client), exception);
                }

                // Wait for more with a zero-byte read and no buffer held, so an idle stream (a long poll,
                // server-sent events) costs no 64 KiB; SocketsHttpHandler's response streams support it.
                var more = source.ReadAsync(Memory<byte>.Empty, cancellation);
                if (more.IsCompletedSuccessfully)
                {
                    _ = more.Result;
                    continue;
                }

                ArrayPool<byte>.Shared.Return(buffer);
                buffer = null;
                try
                {
                    await more;
                }
                catch (Exception exception)
                {
                    return new ResponseCopyResult(written, FailureOf(exception, ResponseCopyFailure.Source), exception);
                }
            }
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static ResponseCopyFailure FailureOf(Exception exception, ResponseCopyFailure side) =>
        exception is OperationCanceledException ? ResponseCopyFailure.Cancelled : side;
}
