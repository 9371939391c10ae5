using System.Net;
using System.Text;

namespace Periscope.Sidecar.Tests.Forwarding;

/// <summary>A chunked request body sent a part at a time with a pause between parts: a slow upload.</summary>
internal sealed class TricklingContent(IReadOnlyList<string> parts, TimeSpan pause) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                await Task.Delay(pause); // the scenario itself, not a wait for readiness
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(parts[i]));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
