using System.Collections.Frozen;

namespace Periscope.Forwarding;

/// <summary>
/// Headers that describe one connection rather than the message, so a proxy drops them both ways
/// (RFC 9110 §7.6.1): <c>Connection</c>, every header it lists, and the hop-by-hop fields the RFC names.
/// </summary>
public static class HopByHopHeaders
{
    // RFC 9110 §7.6.1 names Proxy-Connection, Keep-Alive, TE, Transfer-Encoding and Upgrade besides
    // Connection; Proxy-Authorization / Proxy-Authenticate are credentials for this proxy, not the app
    // (RFC 9110 §11.7.1–11.7.2). Alt-Svc advertises the app's alternative services, which the proxy's
    // caller cannot reach through it (YARP's RequestUtilities drops it for the same reason).
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
    /// The header names a <c>Connection</c> field lists (its connection options), or null when there are
    /// none beyond the usual <c>close</c> / <c>keep-alive</c>, which name no header a proxy would copy.
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
