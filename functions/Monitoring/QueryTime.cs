using System.Globalization;
using System.Text.RegularExpressions;
using Periscope.Functions.Calls;

namespace Periscope.Functions.Monitoring;

/// <summary>
/// Times and steps as the HTTP API takes them (querying/api/, "Format overview": <c>&lt;rfc3339 | unix_timestamp&gt;</c>
/// and <c>&lt;duration | float&gt;</c>), read here so a mistake is our 400 naming the parameter.
/// </summary>
internal static partial class QueryTime
{
    /// <summary>PromQL's duration units (querying/basics/, "Float literals and time durations"), one or more, largest first.</summary>
    [GeneratedRegex("^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();

    /// <summary>RFC 3339 with an offset, or unix seconds with an optional fraction.</summary>
    public static bool TryParseTime(string? text, out DateTimeOffset time)
    {
        if (Rfc3339.TryParse(text, out time))
        {
            return true;
        }

        if (text is { Length: > 0 and < 24 }
            && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= 253_402_300_799)
        {
            time = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
            return true;
        }

        return false;
    }

    /// <summary>Seconds as a float (<c>15</c>, <c>0.5</c>) or a PromQL duration (<c>15s</c>, <c>1m30s</c>).</summary>
    public static bool TryParseStep(string? text, out TimeSpan step)
    {
        step = default;
        if (text is not { Length: > 0 and < 32 })
        {
            return false;
        }

        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            step = TimeSpan.FromSeconds(seconds);
            return seconds > 0 && seconds < 1e9;
        }

        var match = Duration().Match(text);
        if (!match.Success)
        {
            return false;
        }

        long[] millisecondsPerUnit = [365L * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1];
        var total = 0L;
        for (var i = 0; i < millisecondsPerUnit.Length; i++)
        {
            if (match.Groups[i + 1].Success)
            {
                if (!long.TryParse(match.Groups[i + 1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > 1_000_000_000)
                {
                    return false;
                }

                total += count * millisecondsPerUnit[i];
            }
        }

        step = TimeSpan.FromMilliseconds(total);
        return total > 0;
    }
}
