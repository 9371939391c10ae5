using System.Text.RegularExpressions;

namespace Periscope.Functions.AlertRules;

/// <summary>
/// Prometheus durations as rule files take them (prometheus.io/docs/prometheus/latest/configuration/configuration/,
/// "&lt;duration&gt;": <c>((([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?|0)</c>).
/// </summary>
internal static partial class PrometheusDuration
{
    /// <summary>Longer than any sensible pending period; also keeps the numbers far from overflow.</summary>
    public static readonly TimeSpan MaxFor = TimeSpan.FromDays(30);

    public static bool IsValid(string? value)
    {
        if (value is null or "" || value.Length > 32)
        {
            return false;
        }

        if (value == "0")
        {
            return true;
        }

        var match = Duration().Match(value);
        if (!match.Success)
        {
            return false;
        }

        double[] unitSeconds = [365 * 86400, 7 * 86400, 86400, 3600, 60, 1, 0.001];
        double seconds = 0;
        for (var i = 0; i < unitSeconds.Length; i++)
        {
            if (match.Groups[i + 1].Success)
            {
                seconds += double.Parse(match.Groups[i + 1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture) * unitSeconds[i];
            }
        }

        return seconds <= MaxFor.TotalSeconds;
    }

    [GeneratedRegex("^(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
