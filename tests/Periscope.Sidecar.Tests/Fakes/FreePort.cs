using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Periscope.Sidecar.Tests.Fakes;

/// <summary>A loopback port nobody listens on now, for a sidecar that must be told its ports up front.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Text() => Next().ToString(CultureInfo.InvariantCulture);
}
