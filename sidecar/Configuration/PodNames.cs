using System.Text;
using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Configuration;

/// <summary>
/// Outside Kubernetes there is no pod: the host name stands in for it, made into what the catalog
/// accepts, an RFC 1123 subdomain (Kubernetes API conventions, object names).
/// </summary>
internal static class PodNames
{
    public static string FromHostName(string hostName)
    {
        var name = new StringBuilder(hostName.Length);
        foreach (var c in hostName.ToLowerInvariant())
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c == '.' ? c : '-');
        }

        // Each dot-separated label must start and end with a letter or digit.
        var labels = name.ToString()
            .Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(label => label.Trim('-'))
            .Where(label => label.Length > 0)
            .Select(label => label.Length <= 63 ? label : label[..63].TrimEnd('-'));
        var sanitised = string.Join('.', labels);
        if (sanitised.Length > 253)
        {
            sanitised = sanitised[..253].TrimEnd('-', '.');
        }

        return ResourceNames.IsSubdomain(sanitised) ? sanitised : "localhost";
    }
}
