using System.Buffers;
using System.IO.Pipelines;
using Periscope.Forwarding;

namespace Periscope.Functions.Invoke;

/// <summary>
/// Streams the app's response body to the caller through a pooled buffer, flushing every chunk, so memory
/// stays flat whatever the size; optionally captures the first bytes for the call record. Modelled on
/// YARP's StreamCopier (microsoft/reverse-proxy, src/ReverseProxy/Forwarder) as the sidecar's copier is.
/// </summary>
internal static class ResponseCopier
{
    private const int BufferSize = 64 * 1024;

    /// <returns>Bytes written, and the failure (null when the copy completed).</returns>
    public static async Task<(long Written, Exception? Failure, bool CallerFailed)> CopyAsync(
        HttpContent content, PipeWriter caller, BodyCapture? capture, CancellationToken cancellation)
    {
        long written = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var source = await content.ReadAsStreamAsync(cancellation);
            while (true)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer, cancellation);
                }
                catch (Exception exception)
                {
                    return (written, exception, exception is OperationCanceledException);
                }

                if (read == 0)
                {
                    return (written, null, false);
                }

                capture?.Append(buffer.AsSpan(0, read));
                try
                {
                    // PipeWriter.WriteAsync writes and flushes: the chunk goes to the caller now.
                    var flushed = await caller.WriteAsync(buffer.AsMemory(0, read), cancellation);
                    written += read;
                    if (flushed.IsCompleted || flushed.IsCanceled)
                    {
                        return (written, new OperationCanceledException("The caller stopped reading."), true);
                    }
                }
                catch (Exception exception)
                {
                    return (written, exception, true);
                }
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
        {
            return (written, exception, exception is OperationCanceledException);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
