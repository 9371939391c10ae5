using System.Buffers;

namespace Periscope.Functions.Hosting;

/// <summary>
/// A whole body read into a buffer rented from <see cref="ArrayPool{T}.Shared"/>, for parsers that want one span:
/// an Alertmanager payload, a Prometheus answer, a low-code call's input. Both reach hundreds of kilobytes, and a fresh array of 85 KB or more
/// is allocated on the large-object heap, which only a gen-2 collection frees: one per request brought a background
/// gen-2 collection every few payloads (bench/README.md, "alerts"). Dispose returns the buffer; the span is invalid after.
/// </summary>
internal sealed class PooledBody : IDisposable
{
    /// <summary>The first buffer's size when the length is not declared.</summary>
    public const int DefaultInitialSize = 16 * 1024;

    /// <summary>The first buffer's size at most, whatever length is declared: a larger body grows the buffer as it arrives.</summary>
    public const int MaxInitialSize = 16 * 1024 * 1024;

    private byte[]? _buffer;

    private PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => Memory.Span;

    /// <summary>The body; whatever keeps it (a <c>JsonDocument</c> parsed from it) must be done with it before Dispose.</summary>
    public ReadOnlyMemory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(PooledBody))).AsMemory(0, Length);

    /// <summary>
    /// Reads <paramref name="stream"/> to its end; null, with nothing kept, as soon as it has given more than
    /// <paramref name="maxLength"/> bytes. <paramref name="declaredLength"/> (a Content-Length) sizes the first buffer.
    /// </summary>
    public static async Task<PooledBody?> ReadAsync(Stream stream, long? declaredLength, long maxLength, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        var ceiling = (int)Math.Min(maxLength + 1, Array.MaxLength);

        // One byte more than declared, so that a body of exactly that length ends without growing the buffer.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp((declaredLength ?? DefaultInitialSize) + 1, 1, Math.Min(ceiling, MaxInitialSize)));
        var length = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > maxLength)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, ceiling));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new PooledBody(buffer, length);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
