using System.Globalization;
using System.Net;

namespace Periscope.Webhook.Hosting;

/// <summary>Where the webhook listens and what it accepts; the configuration section <c>Webhook</c>.</summary>
internal sealed record WebhookOptions
{
    public const string Section = "Webhook";

    /// <summary>
    /// kube-apiserver refuses request bodies above 3 MiB (apiserver MaxRequestBodyBytes), so no Pod it admits is
    /// larger; a CREATE review carries the object once (oldObject is null). A lower cap would refuse real pods, which
    /// failurePolicy Ignore would then admit without the sidecar.
    /// </summary>
    public const long DefaultMaxRequestBodyBytes = 3 * 1024 * 1024;

    /// <summary>A body is buffered whole, so the cap itself is bounded.</summary>
    public const long MaxRequestBodyBytesCeiling = 64 * 1024 * 1024;

    /// <summary>The HTTPS port serving <c>/mutate</c>. Default 8443 (the Service maps 443 to it).</summary>
    public int Port { get; init; } = 8443;

    /// <summary>The plain-HTTP port serving /metrics, /healthz and /readyz, so probes and scrapes need no TLS. Default 9090.</summary>
    public int MetricsPort { get; init; } = 9090;

    /// <summary>The address both ports bind to. Default: every address (IPv6 and IPv4).</summary>
    public IPAddress? ListenAddress { get; init; }

    /// <summary>Largest accepted AdmissionReview body. Default <see cref="DefaultMaxRequestBodyBytes"/>.</summary>
    public long MaxRequestBodyBytes { get; init; } = DefaultMaxRequestBodyBytes;

    /// <exception cref="InvalidOperationException">A value is not valid; the message names the key.</exception>
    public static WebhookOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var defaults = new WebhookOptions();
        var errors = new List<string>();
        var options = new WebhookOptions
        {
            Port = ReadPort(section, "Port", defaults.Port, errors),
            MetricsPort = ReadPort(section, "MetricsPort", defaults.MetricsPort, errors),
            ListenAddress = ReadAddress(section, errors),
            MaxRequestBodyBytes = ReadSize(section, errors) ?? defaults.MaxRequestBodyBytes,
        };
        if (options.Port == options.MetricsPort && options.Port != 0)
        {
            errors.Add($"{Section}:Port and {Section}:MetricsPort are both {options.Port}; HTTPS and plain HTTP need a port each");
        }

        return errors.Count == 0 ? options : throw new InvalidOperationException($"Invalid configuration section {Section}: {string.Join("; ", errors)}.");
    }

    private static int ReadPort(IConfigurationSection section, string key, int fallback, List<string> errors)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        // 0 lets the system pick a free port (tests).
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535)
        {
            return port;
        }

        errors.Add($"{Section}:{key} \"{text}\" is not a port 0-65535");
        return fallback;
    }

    private static IPAddress? ReadAddress(IConfigurationSection section, List<string> errors)
    {
        var text = section["ListenAddress"];
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            return address;
        }

        errors.Add($"{Section}:ListenAddress \"{text}\" is not an IP address");
        return null;
    }

    private static long? ReadSize(IConfigurationSection section, List<string> errors)
    {
        var text = section["MaxRequestBodyBytes"];
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1024 and <= MaxRequestBodyBytesCeiling)
        {
            return size;
        }

        errors.Add($"{Section}:MaxRequestBodyBytes \"{text}\" is not a byte count from 1024 to {MaxRequestBodyBytesCeiling}");
        return null;
    }
}
