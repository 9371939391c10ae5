using System.Globalization;
using Periscope.Webhook.Injection;

namespace Periscope.Webhook.Configuration;

/// <summary>
/// Reads the configuration section <c>Injection</c> into <see cref="InjectionOptions"/> and refuses, at start, any
/// value the injector would otherwise copy into every pod where the API server would reject it.
/// </summary>
/// <remarks>
/// Keys (defaults in <see cref="InjectionOptions"/> unless given here): Image (default <see cref="DefaultImage"/>),
/// CatalogUrl (default <see cref="DefaultCatalogUrl"/>), ImagePullPolicy, CpuRequest, CpuLimit, MemoryRequest,
/// MemoryLimit, LogLevel, ReportTokenSecretName, ReportTokenSecretKey, ClusterMinorVersion (no default: read from the
/// API server, see <see cref="ClusterVersionProbe"/>).
/// </remarks>
internal static class InjectionOptionsReader
{
    public const string Section = "Injection";
    public const string DefaultImage = "ghcr.io/periscope/sidecar:1.0.0";
    public const string DefaultCatalogUrl = "http://periscope-functions.periscope-system.svc:7071";

    /// <summary>core/v1 Container.imagePullPolicy values.</summary>
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];

    /// <summary>The options, with <see cref="InjectionOptions.DefaultClusterMinorVersion"/> until the cluster's is known.</summary>
    /// <exception cref="InvalidOperationException">A value is not valid; the message names the key and says why.</exception>
    public static InjectionOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var errors = new List<string>();
        var defaults = new InjectionOptions(DefaultImage, DefaultCatalogUrl, InjectionOptions.DefaultClusterMinorVersion);

        var image = section["Image"] ?? DefaultImage;
        Check(ImageReference.IsValid(image), "Image", image, "is not an image reference", errors);
        var catalog = section["CatalogUrl"] ?? DefaultCatalogUrl;
        Check(
            Uri.TryCreate(catalog, UriKind.Absolute, out var catalogUri) && catalogUri.Scheme is "http" or "https",
            "CatalogUrl", catalog, "is not an absolute http(s) URL", errors);
        var pullPolicy = section["ImagePullPolicy"] ?? defaults.ImagePullPolicy;
        Check(PullPolicies.Contains(pullPolicy, StringComparer.Ordinal), "ImagePullPolicy", pullPolicy, "is not Always, IfNotPresent or Never", errors);
        var cpuRequest = Quantity(section, "CpuRequest", defaults.CpuRequest, errors)!;
        var cpuLimit = Quantity(section, "CpuLimit", defaults.CpuLimit, errors);
        var memoryRequest = Quantity(section, "MemoryRequest", defaults.MemoryRequest, errors)!;
        var memoryLimit = Quantity(section, "MemoryLimit", defaults.MemoryLimit, errors)!;
        CheckNotAbove(cpuRequest, cpuLimit, "CpuRequest", "CpuLimit", errors);
        CheckNotAbove(memoryRequest, memoryLimit, "MemoryRequest", "MemoryLimit", errors);
        var logLevel = section["LogLevel"] ?? defaults.LogLevel;
        var level = SidecarSettings.LevelName(logLevel);
        Check(level is not null, "LogLevel", logLevel, "is not a log level (Trace, Debug, Information, Warning, Error, Critical, None)", errors);
        var minor = InjectionOptions.DefaultClusterMinorVersion;
        if (section["ClusterMinorVersion"] is { } configuredMinor)
        {
            Check(
                int.TryParse(configuredMinor, NumberStyles.None, CultureInfo.InvariantCulture, out minor) && minor is >= 1 and <= 1000,
                "ClusterMinorVersion", configuredMinor, "is not a Kubernetes 1.x minor version such as 30", errors);
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Invalid configuration section {Section}: {string.Join("; ", errors)}.");
        }

        return new InjectionOptions(image, catalog, minor)
        {
            ImagePullPolicy = pullPolicy,
            CpuRequest = cpuRequest,
            CpuLimit = cpuLimit,
            MemoryRequest = memoryRequest,
            MemoryLimit = memoryLimit,
            LogLevel = level!,
            ReportTokenSecretName = section["ReportTokenSecretName"] is { Length: > 0 } secret ? secret : null,
            ReportTokenSecretKey = section["ReportTokenSecretKey"] is { Length: > 0 } key ? key : defaults.ReportTokenSecretKey,
        };
    }

    /// <summary>Whether <c>Injection:ClusterMinorVersion</c> is set, so the API server need not be asked.</summary>
    public static bool HasClusterMinorVersion(IConfiguration configuration) =>
        configuration.GetSection(Section)["ClusterMinorVersion"] is not null;

    private static string? Quantity(IConfigurationSection section, string key, string? fallback, List<string> errors)
    {
        var value = section[key];
        if (value is null)
        {
            return fallback;
        }

        // An empty value clears an optional default (CpuLimit); a required one must be a positive quantity.
        if (value.Length == 0 && fallback is null)
        {
            return null;
        }

        Check(ResourceQuantity.TryParse(value, out var quantity) && quantity > 0, key, value, "is not a positive resource quantity such as 10m or 32Mi", errors);
        return value;
    }

    private static void CheckNotAbove(string request, string? limit, string requestKey, string limitKey, List<string> errors)
    {
        // core/v1 validation: a request above its limit makes the whole pod invalid.
        if (limit is not null && ResourceQuantity.TryParse(request, out var r) && ResourceQuantity.TryParse(limit, out var l) && r > l)
        {
            errors.Add($"{Section}:{requestKey} {request} is above {Section}:{limitKey} {limit}");
        }
    }

    private static void Check(bool valid, string key, string value, string problem, List<string> errors)
    {
        if (!valid)
        {
            errors.Add($"{Section}:{key} \"{value}\" {problem}");
        }
    }
}
