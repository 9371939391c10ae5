using System.Net;

namespace Periscope.Sidecar.Tests.Forwarding;

/// <summary>A request body of <c>size</c> pattern bytes, generated as it is sent (never held in memory).</summary>
internal sealed class PatternContent(long size) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        PatternStream.WriteAsync(stream, size, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = size;
        return true;
    }
}
