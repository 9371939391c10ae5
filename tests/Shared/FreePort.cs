using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Periscope.Tests.Shared;

/// <summary>
/// A loopback port nobody listens on now, for a child process that must be told its port up front.
/// </summary>
/// <remarks>
/// Ports come from below the kernel's ephemeral range (<c>net.ipv4.ip_local_port_range</c>, 32768–60999 by
/// default): a port the kernel handed out for <c>bind(0)</c> can become the source port of some outgoing
/// connection before the child binds it ("address already in use", seen in the end-to-end suite once the
/// sidecar started faster), while ports below the range are only ever taken by explicit binds. Each test
/// process walks its own stretch of them (by process id) and skips any port bound right now.
/// </remarks>
internal static class FreePort
{
    private const int Lowest = 10_000;
    private static readonly int Highest = EphemeralRangeStart() - 1;
    private static int next = Lowest + (Environment.ProcessId % 32 * ((Highest - Lowest) / 32));

    public static int Next()
    {
        var count = Highest - Lowest + 1;
        for (var attempt = 0; attempt < count; attempt++)
        {
            var port = Lowest + ((Interlocked.Increment(ref next) - Lowest) % count);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between {Lowest} and {Highest}.");
    }

    public static string Text() => Next().ToString(CultureInfo.InvariantCulture);

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first ephemeral port (Linux's /proc; 32768, Linux's default, elsewhere or if unreadable).</summary>
    private static int EphemeralRangeStart()
    {
        const int Default = 32_768;
        try
        {
            var first = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0];
            return int.TryParse(first, CultureInfo.InvariantCulture, out var start) && start > Lowest + 1_000 ? start : Default;
        }
        catch (IOException)
        {
            return Default;
        }
        catch (UnauthorizedAccessException)
        {
            return Default;
        }
    }
}
