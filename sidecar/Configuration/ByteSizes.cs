using System.Globalization;

namespace Periscope.Sidecar.Configuration;

/// <summary>
/// Sizes as a number of bytes, optionally with a binary suffix as Kubernetes quantities write them
/// (<c>Ki</c>, <c>Mi</c>, <c>Gi</c>) or with a trailing <c>B</c> (<c>KiB</c>, <c>MiB</c>, <c>GiB</c>).
/// </summary>
internal static class ByteSizes
{
    public static bool TryParse(string text, out long bytes)
    {
        var span = text.AsSpan().Trim();
        if (span.EndsWith("B") && span.Length > 1 && span[^2] == 'i')
        {
            span = span[..^1];
        }

        var multiplier = 1L;
        if (span.Length > 2 && span[^1] == 'i')
        {
            multiplier = span[^2] switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => 1L << 30, _ => 0 };
            span = span[..^2];
        }

        bytes = 0;
        if (multiplier == 0 || !long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number > long.MaxValue / multiplier)
        {
            return false;
        }

        bytes = number * multiplier;
        return true;
    }
}
