using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Hosting;

/// <summary>The sidecar's three listeners and the limits that keep a misbehaving client from hurting the pod.</summary>
/// <remarks>
/// Limits follow Kestrel's documented defaults where they already protect (request line 8 KB, 100
/// headers, minimum body data rate 240 B/s after 5 s, which cuts off slow-loris bodies), tightened where
/// a sidecar should be stricter: 32 KB of headers in all, headers within 10 s (slow-loris request
/// heads), no server header. Bodies have no size limit: they are streamed, never held.
/// (learn.microsoft.com, "Configure options for the ASP.NET Core Kestrel web server", Limits.)
/// </remarks>
internal static class SidecarKestrel
{
    public static void Configure(KestrelServerOptions kestrel, SidecarOptions options)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = null;
        kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        kestrel.Limits.MaxConcurrentConnections = 10_000;
        kestrel.Limits.MaxConcurrentUpgradedConnections = 0;

        kestrel.Listen(Address(options.DaprListenAddress), options.DaprHttpPort);
        kestrel.Listen(Address(options.ListenAddress), options.InboundPort);
        kestrel.Listen(Address(options.ListenAddress), options.MetricsPort);
    }

    /// <summary>The options accept host names too (validated at start-up); a name listens on every address it could mean.</summary>
    private static IPAddress Address(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        _ when IPAddress.TryParse(host, out var address) => address,
        _ => Dns.GetHostAddresses(host).FirstOrDefault() ?? IPAddress.Any,
    };
}
