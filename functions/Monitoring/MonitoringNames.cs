using System.Text.RegularExpressions;
using Periscope.Catalog.Contracts;

namespace Periscope.Functions.Monitoring;

/// <summary>
/// What each kind of name a caller may put in a query looks like; a name that does not fit is refused with a
/// 400 before any query is built (escaping in <see cref="PromQl"/> is the second guard, not the only one).
/// Each check returns null when valid, else a sentence for the problem's detail.
/// </summary>
internal static partial class MonitoringNames
{
    private const int MaxOperationLength = 512;
    private const int MaxMountPointLength = 4096;

    /// <summary>
    /// A node name is an RFC 1123 subdomain (Kubernetes, "Object Names and IDs"); a node_exporter outside
    /// Kubernetes is named by its <c>instance</c>, <c>host:port</c>, so a port is allowed.
    /// </summary>
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*(:[0-9]{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex NodeName();

    /// <summary>Linux interface and block device names (IFNAMSIZ 16), and <c>/dev/...</c> paths some exporters report.</summary>
    [GeneratedRegex("^[A-Za-z0-9_.:@/-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex DeviceName();

    public static string? CheckNamespace(string? value) => ResourceNames.CheckLabel("namespace", value);

    public static string? CheckPod(string? value) => ResourceNames.CheckSubdomain("pod", value);

    public static string? CheckContainer(string? value) => ResourceNames.CheckLabel("container", value);

    /// <summary>App-ids are RFC 1123 labels, as the catalog takes them.</summary>
    public static string? CheckAppId(string? value) => ResourceNames.CheckLabel("appId", value);

    /// <summary>Whether <paramref name="value"/> names a node as node_exporter's series do (alert rules check the same).</summary>
    public static bool IsNode(string? value) => value is { Length: > 0 and <= 259 } && NodeName().IsMatch(value);

    public static string? CheckNode(string? value) =>
        IsNode(value) ? null
        : $"'node' must be a node name (an RFC 1123 subdomain) or host:port; got {Describe(value)}.";

    /// <summary>An operation label is a path template (<c>/orders/{id}</c>) or <c>unattributed</c>: printable ASCII without spaces.</summary>
    public static string? CheckOperation(string? value) =>
        value is { Length: > 0 and <= MaxOperationLength } && value.All(c => c is > ' ' and <= '~') ? null
        : $"'operation' must be a path template of 1 to {MaxOperationLength} printable ASCII characters without spaces; got {Describe(value)}.";

    public static string? CheckMountPoint(string? value) =>
        value is { Length: > 0 and <= MaxMountPointLength } && value[0] == '/' && !value.Any(char.IsControl) ? null
        : $"'mountpoint' must be an absolute path without control characters; got {Describe(value)}.";

    public static string? CheckDevice(string? value) =>
        value is not null && DeviceName().IsMatch(value) ? null
        : $"'device' must be a device name (letters, digits, '_', '.', ':', '@', '/', '-'; at most 128); got {Describe(value)}.";

    private static string Describe(string? value) =>
        value is null ? "nothing" : "'" + (value.Length <= 80 ? value : value[..80] + "…").ReplaceLineEndings("\\n") + "'";
}
