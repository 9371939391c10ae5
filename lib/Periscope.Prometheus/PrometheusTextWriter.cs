using System.Globalization;
using System.Text;

namespace Periscope.Prometheus;

/// <summary>
/// Writes the Prometheus text exposition format 0.0.4
/// (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format): lines end in
/// <c>\n</c>; <c># HELP</c> text escapes <c>\</c> and line feed; label values escape <c>\</c>, <c>"</c> and
/// line feed; values are Go-parsable floats with <c>+Inf</c>, <c>-Inf</c> and <c>NaN</c>.
/// </summary>
internal sealed class PrometheusTextWriter(TextWriter writer)
{
    public void WriteHeader(string name, string? help, string type)
    {
        if (!string.IsNullOrEmpty(help))
        {
            writer.Write("# HELP ");
            writer.Write(name);
            writer.Write(' ');
            writer.Write(EscapeHelp(help));
            writer.Write('\n');
        }

        writer.Write("# TYPE ");
        writer.Write(name);
        writer.Write(' ');
        writer.Write(type);
        writer.Write('\n');
    }

    /// <summary>One sample; <paramref name="labels"/> is already rendered (<see cref="LabelSet.Rendered"/>).</summary>
    public void WriteSample(string name, string labels, double value)
    {
        writer.Write(name);
        if (labels.Length > 0)
        {
            writer.Write('{');
            writer.Write(labels);
            writer.Write('}');
        }

        writer.Write(' ');
        writer.Write(FormatValue(value));
        writer.Write('\n');
    }

    /// <summary>A histogram bucket: the series' labels followed by <c>le</c>.</summary>
    public void WriteBucket(string name, string labels, string upperBound, long cumulativeCount)
    {
        writer.Write(name);
        writer.Write('{');
        if (labels.Length > 0)
        {
            writer.Write(labels);
            writer.Write(',');
        }

        writer.Write("le=\"");
        writer.Write(upperBound);
        writer.Write("\"} ");
        writer.Write(cumulativeCount.ToString(CultureInfo.InvariantCulture));
        writer.Write('\n');
    }

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",

        // The shortest string that round-trips, e.g. 0.0005, 42, 1E-07: all valid Go ParseFloat input.
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    public static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static void AppendEscapedLabelValue(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append("\\\\"),
                '"' => builder.Append("\\\""),
                '\n' => builder.Append("\\n"),
                _ => builder.Append(c),
            };
        }
    }
}
