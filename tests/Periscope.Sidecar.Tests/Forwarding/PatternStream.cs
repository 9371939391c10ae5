namespace Periscope.Sidecar.Tests.Forwarding;

/// <summary>Bytes whose value depends on their offset, so a lost, repeated or reordered chunk shows.</summary>
internal static class PatternStream
{
    private const int Period = 251; // prime, so it never lines up with buffer sizes
    private static readonly byte[] Chunk = MakeChunk();

    public static async Task WriteAsync(Stream destination, long size, CancellationToken cancellation)
    {
        for (long offset = 0; offset < size;)
        {
            // Each chunk is a whole number of periods long, so every chunk starts at pattern position 0.
            var count = (int)Math.Min(Chunk.Length, size - offset);
            await destination.WriteAsync(Chunk.AsMemory(0, count), cancellation);
            offset += count;
        }
    }

    /// <summary>Reads to the end, checking each byte; returns how many there were.</summary>
    public static async Task<long> VerifyAsync(Stream source, CancellationToken cancellation)
    {
        var buffer = new byte[64 * 1024];
        long offset = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellation)) > 0)
        {
            if (!buffer.AsSpan(0, read).SequenceEqual(Chunk.AsSpan((int)(offset % Period), read)))
            {
                throw new InvalidDataException($"The {read} bytes at offset {offset} are not the pattern.");
            }

            offset += read;
        }

        return offset;
    }

    private static byte[] MakeChunk()
    {
        // Long enough to compare a whole read buffer from any pattern position.
        var chunk = new byte[Period * 263];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = (byte)(i % Period);
        }

        return chunk;
    }
}
