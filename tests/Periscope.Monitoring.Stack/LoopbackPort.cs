using System.Net;
using System.Net.Sockets;

namespace Periscope.Monitoring.Stack;

/// <summary>
/// A free loopback port for a child process. The port is released before the child binds it, so another
/// process can take it in between; <see cref="StackProcess"/> retries on "address already in use".
/// </summary>
internal static class LoopbackPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
