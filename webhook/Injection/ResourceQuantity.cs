using System.Globalization;
using System.Text.RegularExpressions;

namespace Periscope.Webhook.Injection;

/// <summary>
/// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource, quantity.go): a decimal number with a
/// binary SI suffix (Ki…Ei), a decimal SI suffix (n, u, m, k, M, G, T, P, E) or a decimal exponent (e3).
/// </summary>
internal static partial class ResourceQuantity
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        var match = text is null ? null : QuantityPattern().Match(text);
        if (match is not { Success: true }
            || !decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var suffix = match.Groups["suffix"].Value;
        decimal? scale = suffix switch
        {
            "" => 1m,
            "n" => 1e-9m,
            "u" => 1e-6m,
            "m" => 1e-3m,
            "k" => 1e3m,
            "M" => 1e6m,
            "G" => 1e9m,
            "T" => 1e12m,
            "P" => 1e15m,
            "E" => 1e18m,
            "Ki" => 1024m,
            "Mi" => 1024m * 1024,
            "Gi" => 1024m * 1024 * 1024,
            "Ti" => 1024m * 1024 * 1024 * 1024,
            "Pi" => 1024m * 1024 * 1024 * 1024 * 1024,
            "Ei" => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
            _ when suffix[0] is 'e' or 'E' && int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
                && exponent is >= -18 and <= 18 => Pow10(exponent),
            _ => null,
        };
        if (scale is null)
        {
            return false;
        }

        value = number * scale.Value;
        return true;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result *= 10;
        }

        return exponent < 0 ? 1 / result : result;
    }

    [GeneratedRegex(@"^(?<number>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?<suffix>[eE][+-]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();
}
