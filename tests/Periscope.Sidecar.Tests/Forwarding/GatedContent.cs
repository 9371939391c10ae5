using System.Net;
using System.Text;

namespace Periscope.Sidecar.Tests.Forwarding;

/// <summary>A chunked request body (no length) sent in two parts, the second only once <c>gate</c> completes.</summary>
internal sealed class GatedContent(string first, Task gate, string second) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(first));
        await stream.FlushAsync();
        await gate.WaitAsync(TimeSpan.FromSeconds(15));
        await stream.WriteAsync(Encoding.UTF8.GetBytes(second));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
