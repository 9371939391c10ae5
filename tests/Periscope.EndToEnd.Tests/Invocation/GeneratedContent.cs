using System.Net;

namespace Periscope.EndToEnd.Tests.Invocation;

/// <summary>A request body of a given size, generated as it is sent (chunked), never held in memory.</summary>
internal sealed class GeneratedContent(long size) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new byte[64 * 1024];
        for (var left = size; left > 0; left -= chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
