using System.Text.RegularExpressions;

namespace Periscope.Kubernetes.Emulator.Api;

/// <summary>
/// Object names (kubernetes.io/docs/concepts/overview/working-with-objects/names/): most kinds take a
/// DNS-1123 subdomain, namespaces and services a DNS-1123 label; messages as apimachinery's validation package words them.
/// </summary>
internal static partial class NameValidation
{
    public const string SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    public const string LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    /// <summary>Null when valid, else the validation message.</summary>
    public static string? Validate(string name, bool label) => label
        ? name.Length <= 63 && Label().IsMatch(name) ? null : LabelMessage
        : name.Length <= 253 && Subdomain().IsMatch(name) ? null : SubdomainMessage;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
