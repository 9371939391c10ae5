using System.Buffers;
using System.Globalization;

namespace Periscope.Sidecar.Configuration;

/// <summary>
/// Durations written the way Dapr and Kubernetes tools take them (Go's <c>time.ParseDuration</c>):
/// a sequence of numbers with units <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>, such as <c>100ms</c> or
/// <c>1h30m</c>. A .NET time span (<c>00:00:30</c>) is accepted too.
/// </summary>
internal static class Durations
{
    private const double MaxSeconds = 366 * 24 * 3600;
    private static readonly SearchValues<char> NumberChars = SearchValues.Create("0123456789.");

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text.Contains(':'))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
        }

        var rest = text.AsSpan();
        var seconds = 0.0;
        while (!rest.IsEmpty)
        {
            var numberLength = rest.IndexOfAnyExcept(NumberChars);
            if (numberLength == 0
                || !double.TryParse(numberLength < 0 ? rest : rest[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            rest = numberLength < 0 ? [] : rest[numberLength..];
            var unitLength = rest.IndexOfAny(NumberChars);
            var unit = unitLength < 0 ? rest : rest[..unitLength];
            rest = unitLength < 0 ? [] : rest[unitLength..];
            double? unitSeconds = unit switch
            {
                "ms" => 0.001,
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                _ => null,
            };
            if (unitSeconds is null)
            {
                return false;
            }

            seconds += number * unitSeconds.Value;
        }

        // A bound well inside TimeSpan's range, so that nothing overflows; a year is plenty for an interval.
        if (text.Length == 0 || seconds > MaxSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
