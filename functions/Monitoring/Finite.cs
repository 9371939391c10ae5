namespace Periscope.Functions.Monitoring;

/// <summary>JSON has no NaN or Inf (RFC 8259 §6): such a value, like one Prometheus does not have, is null.</summary>
internal static class Finite
{
    public static double? Value(double value) => double.IsFinite(value) ? value : null;

    public static double? Value(double? value) => value is { } number && double.IsFinite(number) ? number : null;
}
