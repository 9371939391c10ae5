using System.Globalization;
using System.Text.RegularExpressions;
using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Configuration;

// One method per kind of value: each converts the text, checks it, and records what is wrong.
internal sealed partial class SidecarOptionsReader
{
    private string Label(SidecarSetting setting, string? fallback)
    {
        if (Value(setting) is not { } value)
        {
            return fallback ?? Missing(setting);
        }

        return Check(ResourceNames.CheckLabel(value.Source, value.Text), value.Text);
    }

    private string Pod(SidecarSetting setting) => Value(setting) is { } value
        ? Check(ResourceNames.CheckSubdomain(value.Source, value.Text), value.Text)
        : PodNames.FromHostName(Environment.MachineName);

    private int? Port(SidecarSetting setting, bool required)
    {
        if (Value(setting) is not { } value)
        {
            if (required)
            {
                Missing(setting);
            }

            return null;
        }

        if (int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
        {
            return port;
        }

        errors.Add($"'{value.Source}' must be a port number from 1 to 65535; got '{value.Text}'.");
        return null;
    }

    private Uri CatalogUrl(SidecarSetting setting)
    {
        var fallback = new Uri("http://127.0.0.1/");
        if (Value(setting) is not { } value)
        {
            Missing(setting);
            return fallback;
        }

        if (Uri.TryCreate(value.Text, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment))
        {
            return url;
        }

        errors.Add($"'{value.Source}' must be an absolute http or https URL without a query; got '{value.Text}'.");
        return fallback;
    }

    /// <summary>
    /// A path on the app, so it must start with one '/': "//host/x" is a network-path reference
    /// (RFC 3986 §4.2) and would send the request to another host.
    /// </summary>
    private string? OpenApiPath(SidecarSetting setting)
    {
        if (Value(setting) is not { } value)
        {
            return null;
        }

        if (value.Text.StartsWith('/') && !value.Text.StartsWith("//", StringComparison.Ordinal)
            && Uri.IsWellFormedUriString(value.Text, UriKind.Relative) && !value.Text.Contains('#'))
        {
            return value.Text;
        }

        errors.Add($"'{value.Source}' must be a path on the app starting with '/', e.g. /openapi/v1.json; got '{value.Text}'.");
        return null;
    }

    private string RoutePrefix(SidecarSetting setting, string fallback)
    {
        if (Value(setting) is not { } value)
        {
            return fallback;
        }

        var prefix = value.Text.Trim('/');
        if (prefix.Length == 0 || RoutePrefixPattern().IsMatch(prefix))
        {
            return prefix;
        }

        errors.Add($"'{value.Source}' must be path segments such as api; got '{value.Text}'.");
        return fallback;
    }

    /// <summary>A bearer token is a b64token (RFC 6750 §2.1); a JWT or a Kubernetes token is one.</summary>
    private string? Token(SidecarSetting setting)
    {
        if (Value(setting) is not { } value)
        {
            return null;
        }

        if (BearerTokenPattern().IsMatch(value.Text))
        {
            return value.Text;
        }

        // The token itself stays out of the message: it is a secret.
        errors.Add($"'{value.Source}' must be a bearer token of letters, digits and -._~+/ with trailing '=' (RFC 6750 §2.1).");
        return null;
    }

    private string Host(SidecarSetting setting, string fallback)
    {
        if (Value(setting) is not { } value)
        {
            return fallback;
        }

        if (Uri.CheckHostName(value.Text) != UriHostNameType.Unknown)
        {
            return value.Text;
        }

        errors.Add($"'{value.Source}' must be an IP address or a host name; got '{value.Text}'.");
        return fallback;
    }

    private TimeSpan Duration(SidecarSetting setting, TimeSpan fallback)
    {
        if (Value(setting) is not { } value)
        {
            return fallback;
        }

        if (Durations.TryParse(value.Text, out var duration) && duration > TimeSpan.Zero)
        {
            return duration;
        }

        errors.Add($"'{value.Source}' must be a positive duration such as 500ms, 30s, 5m or 1h30m; got '{value.Text}'.");
        return fallback;
    }

    private long Size(SidecarSetting setting, long fallback)
    {
        if (Value(setting) is not { } value)
        {
            return fallback;
        }

        if (ByteSizes.TryParse(value.Text, out var size) && size > 0)
        {
            return size;
        }

        errors.Add($"'{value.Source}' must be a positive size such as 1048576, 512KiB or 10MiB; got '{value.Text}'.");
        return fallback;
    }

    private LoadBalancingPolicy LoadBalancing(SidecarSetting setting, LoadBalancingPolicy fallback)
    {
        if (Value(setting) is not { } value)
        {
            return fallback;
        }

        switch (value.Text)
        {
            case "round-robin":
                return LoadBalancingPolicy.RoundRobin;
            case "power-of-two-choices":
                return LoadBalancingPolicy.PowerOfTwoChoices;
            default:
                errors.Add($"'{value.Source}' must be round-robin or power-of-two-choices; got '{value.Text}'.");
                return fallback;
        }
    }

    private int Count(SidecarSetting setting, int fallback, int max)
    {
        if (Value(setting) is not { } value)
        {
            return fallback;
        }

        if (int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 0 && count <= max)
        {
            return count;
        }

        errors.Add($"'{value.Source}' must be a whole number from 0 to {max}; got '{value.Text}'.");
        return fallback;
    }

    [GeneratedRegex("^[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RoutePrefixPattern();

    [GeneratedRegex("^[A-Za-z0-9._~+/-]+=*$", RegexOptions.CultureInvariant)]
    private static partial Regex BearerTokenPattern();
}
