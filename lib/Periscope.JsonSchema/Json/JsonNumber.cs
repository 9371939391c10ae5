using System.Globalization;
using System.Text.Json;

namespace Periscope.JsonSchema.Json;

/// <summary>
/// A JSON number held as a <see cref="decimal"/> where that is exact, so that 0.1 + 0.2 style binary
/// rounding never decides <c>multipleOf</c> or a bound, and as a <see cref="double"/> beyond decimal's range.
/// </summary>
internal readonly record struct JsonNumber(decimal? Decimal, double Double)
{
    public static JsonNumber From(JsonElement number)
    {
        var asDouble = number.TryGetDouble(out var parsed) ? parsed : double.Parse(number.GetRawText(), CultureInfo.InvariantCulture);

        // TryGetDecimal rounds what decimal cannot hold (1e-30 becomes 0); such a value is kept as a double.
        return number.TryGetDecimal(out var exact) && (double)exact == asDouble
            ? new JsonNumber(exact, asDouble)
            : new JsonNumber(null, asDouble);
    }

    /// <summary>Whether the value has no fractional part: 1.0 is an integer (Validation 2020-12 §6.1.1).</summary>
    public bool IsInteger => Decimal is { } exact ? exact == decimal.Truncate(exact) : double.IsFinite(Double) && Math.Floor(Double) == Double;

    public int CompareTo(JsonNumber other) =>
        Decimal is { } left && other.Decimal is { } right ? left.CompareTo(right) : Double.CompareTo(other.Double);

    /// <summary>Whether dividing by <paramref name="divisor"/> (greater than 0) leaves an integer.</summary>
    public bool IsMultipleOf(JsonNumber divisor)
    {
        if (Decimal is { } value && divisor.Decimal is { } exactDivisor)
        {
            return value % exactDivisor == 0;
        }

        // A quotient that overflows to infinity is no integer: 1e308 is not a multiple of 0.123456789.
        var quotient = Double / divisor.Double;
        return double.IsFinite(quotient) && Math.Floor(quotient) == quotient;
    }

    public override string ToString() =>
        Decimal is { } exact ? exact.ToString(CultureInfo.InvariantCulture) : Double.ToString("R", CultureInfo.InvariantCulture);
}
