using System.Text.RegularExpressions;

namespace Periscope.Catalog.Contracts;

/// <summary>
/// Name rules from the Kubernetes API conventions (docs/concepts/overview/working-with-objects/names):
/// namespaces, app-ids and container names are RFC 1123 labels; pod names are RFC 1123 subdomains.
/// Checking them at the edge also rules out path traversal (<c>..</c>, <c>/</c>, <c>%2F</c>) in anything
/// later used in a route or a storage key.
/// </summary>
public static partial class ResourceNames
{
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc1123Label();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc1123Subdomain();

    public static bool IsLabel(string? value) =>
        value is { Length: > 0 and <= 63 } && Rfc1123Label().IsMatch(value);

    public static bool IsSubdomain(string? value) =>
        value is { Length: > 0 and <= 253 } && Rfc1123Subdomain().IsMatch(value);

    /// <summary>Returns null when valid, else a sentence saying what is wrong, for a problem's detail.</summary>
    public static string? CheckLabel(string field, string? value) =>
        IsLabel(value) ? null
        : $"'{field}' must be an RFC 1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters); got {Describe(value)}.";

    public static string? CheckSubdomain(string field, string? value) =>
        IsSubdomain(value) ? null
        : $"'{field}' must be an RFC 1123 subdomain (lowercase letters, digits, '-' and '.', at most 253 characters); got {Describe(value)}.";

    private static string Describe(string? value) => value is null ? "nothing" : $"'{Truncate(value)}'";

    private static string Truncate(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
