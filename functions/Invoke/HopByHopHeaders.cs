using System.Collections.Frozen;

namespace Periscope.Functions.Invoke;

/// <summary>
/// Headers that describe one connection rather than the message, dropped both ways (RFC 9110 §7.6.1):
/// <c>Connection</c>, every header it lists, and the hop-by-hop fields the RFC names. The sidecar's
/// forwarder keeps the same list (sidecar/Forwarding/HopByHopHeaders.cs).
/// </summary>
internal static class HopByHopHeaders
{
    // RFC 9110 §7.6.1 names Proxy-Connection, Keep-Alive, TE, Transfer-Encoding and Upgrade besides
    // Connection; Proxy-Authorization / Proxy-Authenticate are credentials for a proxy, not the app
    // (RFC 9110 §11.7.1–11.7.2). Alt-Svc advertises alternative services the caller cannot reach through
    // the gateway (YARP's RequestUtilities drops it for the same reason).
    private static readonly FrozenSet<string> Names = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Connection",
        "Proxy-Connection",
        "Keep-Alive",
        "TE",
        "Transfer-Encoding",
        "Upgrade",
        "Proxy-Authorization",
        "Proxy-Authenticate",
        "Alt-Svc");

    public static bool IsHopByHop(string name) => Names.Contains(name);

    /// <summary>
    /// The header names a <c>Connection</c> field lists (its connection options), or null when there are none
    /// beyond <c>close</c> / <c>keep-alive</c>.
    /// </summary>
    public static HashSet<string>? ListedIn<TValues>(TValues connectionValues)
        where TValues : IEnumerable<string?>
    {
        HashSet<string>? listed = null;
        foreach (var value in connectionValues)
        {
            if (value is null)
            {
                continue;
            }

            foreach (var range in value.AsSpan().Split(','))
            {
                var token = value.AsSpan()[range].Trim(" \t");
                if (token.IsEmpty || token.Equals("close", StringComparison.OrdinalIgnoreCase) || token.Equals("keep-alive", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                (listed ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(token.ToString());
            }
        }

        return listed;
    }
}
