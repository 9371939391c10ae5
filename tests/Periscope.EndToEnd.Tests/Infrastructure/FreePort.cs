using System.Net;
using System.Net.Sockets;

namespace Periscope.EndToEnd.Tests.Infrastructure;

/// <summary>A loopback port nobody listens on now, for a child process that must be told its port up front.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
