using System.CommandLine;

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
        var catalogUrl = CatalogUrl(settings.Catalog);

        // The record's initialisers are the documented defaults; only the required values are missing.
        var defaults = new SidecarOptions { AppId = appId, AppPort = appPort ?? 0, CatalogUrl = catalogUrl, Pod = "", EndpointPort = 0 };
        var options = defaults with
        {
            AppChannelAddress = Host(settings.AppChannelAddress, defaults.AppChannelAddress),
            OpenApiPath = OpenApiPath(settings.OpenApiPath),
            CatalogRoutePrefix = RoutePrefix(settings.CatalogRoutePrefix, defaults.CatalogRoutePrefix),
            CatalogToken = Token(settings.CatalogToken),
            Namespace = Label(settings.Namespace, defaults.Namespace),
            Pod = Pod(settings.Pod),
            Container = Label(settings.Container, defaults.Container),
            EndpointAddress = Host(settings.EndpointAddress, defaults.EndpointAddress),
            DaprHttpPort = Port(settings.DaprHttpPort, required: false) ?? defaults.DaprHttpPort,
            InboundPort = Port(settings.InboundPort, required: false) ?? defaults.InboundPort,
            MetricsPort = Port(settings.MetricsPort, required: false) ?? defaults.MetricsPort,
            DaprListenAddress = Host(settings.DaprListenAddress, defaults.DaprListenAddress),
            ListenAddress = Host(settings.ListenAddress, defaults.ListenAddress),
            AppTimeout = Duration(settings.AppTimeout, defaults.AppTimeout),
            InvokeTimeout = Duration(settings.InvokeTimeout, defaults.InvokeTimeout),
            ResolutionTtl = Duration(settings.ResolutionTtl, defaults.ResolutionTtl),
            LoadBalancing = LoadBalancing(settings.LoadBalancing, defaults.LoadBalancing),
            MaxInferredOperations = Count(settings.MaxInferredOperations, defaults.MaxInferredOperations, max: 10_000),
            RefreshInterval = Duration(settings.RefreshInterval, defaults.RefreshInterval),
            HeartbeatInterval = Duration(settings.HeartbeatInterval, defaults.HeartbeatInterval),
            MaxDocumentSize = Size(settings.MaxDocumentSize, defaults.MaxDocumentSize),
            RequestTimeout = Duration(settings.RequestTimeout, defaults.RequestTimeout),
            RetryInitialDelay = Duration(settings.RetryInitialDelay, defaults.RetryInitialDelay),
            RetryMaxDelay = Duration(settings.RetryMaxDelay, defaults.RetryMaxDelay),
        };

        options = options with { EndpointPort = Port(settings.EndpointPort, required: false) ?? options.InboundPort };
        CheckDistinctPorts(settings, options);
        if (options.RetryInitialDelay > options.RetryMaxDelay)
        {
            errors.Add($"'{settings.RetryInitialDelay.Name}' must not be longer than '{settings.RetryMaxDelay.Name}'.");
        }

        return options;
    }

    /// <summary>The sidecar's three listeners and the app cannot share a port (the app's is on the same host by default).</summary>
    private void CheckDistinctPorts(SidecarCommandLine settings, SidecarOptions options)
    {
        (SidecarSetting Setting, int Port)[] ports =
        [
            (settings.AppPort, options.AppPort), (settings.DaprHttpPort, options.DaprHttpPort),
            (settings.InboundPort, options.InboundPort), (settings.MetricsPort, options.MetricsPort),
        ];
        foreach (var clash in ports.Where(port => port.Port != 0).GroupBy(port => port.Port).Where(group => group.Count() > 1))
        {
            errors.Add($"{string.Join(", ", clash.Select(port => $"'{port.Setting.Name}'"))} must be different ports; all are {clash.Key}.");
        }
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
}
