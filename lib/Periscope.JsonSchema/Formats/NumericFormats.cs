using Periscope.JsonSchema.Json;

namespace Periscope.JsonSchema.Formats;

/// <summary>
/// OpenAPI's number formats (OpenAPI 3.1 §4.2, the Format Registry): <c>int32</c> and <c>int64</c> are signed
/// integers of that width, <c>float</c> and <c>double</c> finite numbers within that binary type's range.
/// </summary>
internal static class NumericFormats
{
    public static bool IsInt32(JsonNumber number) =>
        number.IsInteger && number.Decimal is { } value && value >= int.MinValue && value <= int.MaxValue;

    public static bool IsInt64(JsonNumber number) =>
        number.IsInteger && number.Decimal is { } value && value >= long.MinValue && value <= long.MaxValue;

    public static bool IsFloat(JsonNumber number) => double.IsFinite(number.Double) && Math.Abs(number.Double) <= float.MaxValue;

    public static bool IsDouble(JsonNumber number) => double.IsFinite(number.Double);
}
