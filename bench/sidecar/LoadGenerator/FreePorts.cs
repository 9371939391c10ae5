using System.Net;
using System.Net.Sockets;

namespace Periscope.Bench.LoadGenerator;

/// <summary>Ports the kernel hands out for port 0, for run.sh's processes.</summary>
internal static class FreePorts
{
    /// <summary>
    /// Holds all <paramref name="count"/> listeners at once so the ports differ, then frees them. Another
    /// process could take one in between; run.sh's readiness checks would then fail with that process named.
    /// </summary>
    public static IReadOnlyList<int> Take(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}
