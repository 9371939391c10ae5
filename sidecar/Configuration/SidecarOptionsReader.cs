using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Configuration;

/// <summary>
/// Turns the command line and the environment into <see cref="SidecarOptions"/>, checking every value
/// so that bad input stops the sidecar at start-up with a sentence naming the option or variable.
/// </summary>
internal sealed partial class SidecarOptionsReader
{
    private readonly List<string> errors = [];
    private readonly ParseResult parseResult;
    private readonly Func<string, string?> environment;

    private SidecarOptionsReader(ParseResult parseResult, Func<string, string?> environment)
    {
        this.parseResult = parseResult;
        this.environment = environment;
    }

    /// <summary>Returns the options, or null and every problem found, in one line.</summary>
    public static (SidecarOptions? Options, string? Error) Read(
        SidecarCommandLine commandLine, ParseResult parseResult, Func<string, string?> environment)
    {
        var reader = new SidecarOptionsReader(parseResult, environment);
        var options = reader.Read(commandLine);
        return reader.errors.Count == 0 ? (options, null) : (null, string.Join(" ", reader.errors));
    }

    private SidecarOptions Read(SidecarCommandLine settings)
    {
        var appId = Label(settings.AppId, fallback: null);
        var appPort = Port(settings.AppPort, required: true);
        var options = new SidecarOptions
        {
            AppId = appId,
            AppPort = appPort ?? 0,
            AppChannelAddress = Host(settings.AppChannelAddress, "127.0.0.1"),
            OpenApiPath = OpenApiPath(settings.OpenApiPath),
            CatalogUrl = CatalogUrl(settings.Catalog),
            CatalogRoutePrefix = RoutePrefix(settings.CatalogRoutePrefix),
            CatalogToken = Token(settings.CatalogToken),
            Namespace = Label(settings.Namespace, "default"),
            Pod = Pod(settings.Pod),
            Container = Label(settings.Container, "app"),
            EndpointAddress = Host(settings.EndpointAddress, "127.0.0.1"),
            EndpointPort = Port(settings.EndpointPort, required: false) ?? appPort ?? 0,
            RefreshInterval = Duration(settings.RefreshInterval, TimeSpan.FromSeconds(30)),
            HeartbeatInterval = Duration(settings.HeartbeatInterval, TimeSpan.FromSeconds(10)),
            MaxDocumentSize = Size(settings.MaxDocumentSize, 10 * 1024 * 1024),
            RequestTimeout = Duration(settings.RequestTimeout, TimeSpan.FromSeconds(10)),
            RetryInitialDelay = Duration(settings.RetryInitialDelay, TimeSpan.FromSeconds(1)),
            RetryMaxDelay = Duration(settings.RetryMaxDelay, TimeSpan.FromSeconds(30)),
        };

        if (options.RetryInitialDelay > options.RetryMaxDelay)
        {
            errors.Add($"'{settings.RetryInitialDelay.Name}' must not be longer than '{settings.RetryMaxDelay.Name}'.");
        }

        return options;
    }

    /// <summary>The command line first, then each environment variable in turn; blank counts as unset.</summary>
    private SettingValue? Value(SidecarSetting setting)
    {
        if (parseResult.GetValue(setting.Option) is { } given && !string.IsNullOrWhiteSpace(given))
        {
            return new SettingValue(given.Trim(), setting.Name);
        }

        foreach (var name in setting.EnvironmentVariables)
        {
            if (environment(name) is { } value && !string.IsNullOrWhiteSpace(value))
            {
                return new SettingValue(value.Trim(), name);
            }
        }

        return null;
    }

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

    private string RoutePrefix(SidecarSetting setting)
    {
        if (Value(setting) is not { } value)
        {
            return "api";
        }

        var prefix = value.Text.Trim('/');
        if (prefix.Length == 0 || RoutePrefixPattern().IsMatch(prefix))
        {
            return prefix;
        }

        errors.Add($"'{value.Source}' must be path segments such as api; got '{value.Text}'.");
        return "api";
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

    private string Check(string? problem, string value)
    {
        if (problem is not null)
        {
            errors.Add(problem);
        }

        return value;
    }

    private string Missing(SidecarSetting setting)
    {
        var environmentVariables = string.Join(" or ", setting.EnvironmentVariables);
        errors.Add($"'{setting.Name}' is required (or set {environmentVariables}).");
        return "";
    }

    [GeneratedRegex("^[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RoutePrefixPattern();

    [GeneratedRegex("^[A-Za-z0-9._~+/-]+=*$", RegexOptions.CultureInvariant)]
    private static partial Regex BearerTokenPattern();
}
