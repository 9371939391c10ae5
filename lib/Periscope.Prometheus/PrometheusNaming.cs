using System.Text;

namespace Periscope.Prometheus;

/// <summary>
/// Turns instrument names, units and tag keys into Prometheus names.
/// </summary>
/// <remarks>
/// The rules are a small subset of OpenTelemetry's "Prometheus and OpenMetrics compatibility" spec,
/// which follows the Prometheus naming practices (https://prometheus.io/docs/practices/naming/):
/// 1. characters outside <c>[a-zA-Z0-9_:]</c> (<c>[a-zA-Z0-9_]</c> for labels) become <c>_</c>, and a
///    leading digit gets a <c>_</c> in front, so <c>http.server.request.duration</c> is
///    <c>http_server_request_duration</c>;
/// 2. a unit with a known name becomes a suffix in its base-unit spelling (<c>s</c> → <c>_seconds</c>,
///    <c>By</c> → <c>_bytes</c>, <c>By/s</c> → <c>_bytes_per_second</c>) unless the name already ends
///    with it; an annotation in braces (<c>{request}</c>) and the dimensionless <c>1</c> add nothing; any
///    other unit is appended as written, sanitised;
/// 3. counters end in <c>_total</c>, after the unit suffix (<c>x_seconds_total</c>).
/// </remarks>
internal static class PrometheusNaming
{
    private static readonly Dictionary<string, string> UnitNames = new(StringComparer.Ordinal)
    {
        ["d"] = "days",
        ["h"] = "hours",
        ["min"] = "minutes",
        ["s"] = "seconds",
        ["ms"] = "milliseconds",
        ["us"] = "microseconds",
        ["ns"] = "nanoseconds",
        ["By"] = "bytes",
        ["KiBy"] = "kibibytes",
        ["MiBy"] = "mebibytes",
        ["GiBy"] = "gibibytes",
        ["KBy"] = "kilobytes",
        ["MBy"] = "megabytes",
        ["GBy"] = "gigabytes",
        ["bit"] = "bits",
        ["Hz"] = "hertz",
        ["Cel"] = "celsius",
        ["%"] = "percent",
    };

    private static readonly Dictionary<string, string> PerUnitNames = new(StringComparer.Ordinal)
    {
        ["d"] = "day",
        ["h"] = "hour",
        ["min"] = "minute",
        ["s"] = "second",
        ["ms"] = "millisecond",
    };

    /// <summary>The exposed name of an instrument.</summary>
    public static string MetricName(string instrumentName, string? unit, bool isCounter)
    {
        var name = SanitizeMetricName(instrumentName);
        if (isCounter && name.EndsWith("_total", StringComparison.Ordinal))
        {
            name = name[..^"_total".Length];
        }

        var suffix = UnitSuffix(unit);
        if (suffix is not null && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name += "_" + suffix;
        }

        return isCounter ? name + "_total" : name;
    }

    /// <summary>The suffix for a UCUM unit as .NET instruments spell it, or null when it adds none.</summary>
    public static string? UnitSuffix(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit) || unit == "1" || (unit.StartsWith('{') && unit.EndsWith('}')))
        {
            return null;
        }

        var slash = unit.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var per = unit[(slash + 1)..];
            var head = UnitSuffix(unit[..slash]);
            var tail = PerUnitNames.TryGetValue(per, out var perName) ? perName : SanitizeLabelName(per);
            return head is null ? "per_" + tail : head + "_per_" + tail;
        }

        return UnitNames.TryGetValue(unit, out var known) ? known : SanitizeLabelName(unit);
    }

    /// <summary>A metric name matching <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>.</summary>
    public static string SanitizeMetricName(string name) => Sanitize(name, allowColon: true);

    /// <summary>A label name matching <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</summary>
    public static string SanitizeLabelName(string name) => Sanitize(name, allowColon: false);

    private static string Sanitize(string name, bool allowColon)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        var builder = new StringBuilder(name.Length + 1);
        if (char.IsAsciiDigit(name[0]))
        {
            builder.Append('_');
        }

        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        }

        return builder.ToString();
    }
}
