using System.Buffers;
using System.Net;

namespace Periscope.Forwarding;

/// <summary>
/// The client's request body as the forwarded request's content: copied through a pooled buffer as
/// SocketsHttpHandler asks for it, never buffered whole, counting bytes and remembering a failed read
/// so the forwarder can tell the client's fault from the destination's. Optionally cut off past a size
/// limit and captured as it passes (the gateway's call record); the sidecar uses neither. YARP's
/// StreamCopyHttpContent (microsoft/reverse-proxy, src/ReverseProxy/Forwarder) does the same job.
/// </summary>
/// <param name="clientBody">The client's body; read only while the handler asks for content.</param>
/// <param name="contentLength">The length the client declared, or null when it sends chunked.</param>
/// <param name="limit">The most bytes forwarded: one more fails the copy with <see cref="ReadFailure"/> set.</param>
/// <param name="capture">Receives every chunk as it is sent, or null.</param>
/// <param name="cancellation">Ends a read of the client's body (the exchange ended or the client went away).</param>
public sealed class RequestBodyContent(
    Stream clientBody, long? contentLength, long limit, BodyCapture? capture, CancellationToken cancellation) : HttpContent
{
    // YARP's StreamCopier settled on 64 KiB after measuring (microsoft/reverse-proxy PR 330).
    private const int BufferSize = 64 * 1024;

    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long bytesRead;
    private int started;

    /// <summary>A body forwarded whole, however large, and not captured.</summary>
    public RequestBodyContent(Stream clientBody, long? contentLength, CancellationToken cancellation)
        : this(clientBody, contentLength, long.MaxValue, null, cancellation)
    {
    }

    /// <summary>Body bytes read from the client so far.</summary>
    public long BytesRead => Interlocked.Read(ref bytesRead);

    /// <summary>
    /// Why reading the client's body failed (malformed chunking, client gone, past the limit); null if it
    /// did not.
    /// </summary>
    public Exception? ReadFailure { get; private set; }

    /// <summary>Whether the copy stopped because the body grew past the limit.</summary>
    public bool TooLarge => ReadFailure is RequestBodyTooLargeException;

    /// <summary>
    /// Completes when the handler has stopped copying (done, failed or cancelled), at once if it never
    /// started: the request body must not be read after the forwarder returns (Kestrel reuses it).
    /// </summary>
    public Task Completion => Volatile.Read(ref started) == 0 ? Task.CompletedTask : done.Task;

    public bool InProgress => Volatile.Read(ref started) != 0 && !done.Task.IsCompleted;

    /// <summary>Called after each chunk reaches the destination: the forwarder restarts its timeout, so an
    /// upload of hundreds of MB is not cut off while it moves, only when it stalls.</summary>
    public Action? Progress { get; set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref started, 1) != 0)
        {
            // A second attempt means SocketsHttpHandler retried on a new connection after the body had
            // been partly sent; the client's bytes cannot be read twice.
            throw new InvalidOperationException("The request body was already sent once and cannot be replayed.");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await clientBody.ReadAsync(buffer, cancellation);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    ReadFailure = exception;
                    throw;
                }

                if (read == 0)
                {
                    return;
                }

                var total = Interlocked.Add(ref bytesRead, read);
                if (total > limit)
                {
                    ReadFailure = new RequestBodyTooLargeException(limit);
                    throw ReadFailure;
                }

                capture?.Append(buffer.AsSpan(0, read));
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                Progress?.Invoke();

                // SocketsHttpHandler buffers what it writes to the connection until the buffer fills or
                // the content ends; flush so a body the client sends slowly reaches the destination as it
                // comes. Not after the last bytes of a known length: the end of the content flushes those.
                if (total != contentLength)
                {
                    await stream.FlushAsync(cancellationToken);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            done.TrySetResult();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        // Content-Length, when the client sent one, is set on Headers; otherwise the body goes chunked.
        length = 0;
        return false;
    }
}
