using System.Globalization;
using System.Text.Json;

namespace Periscope.Functions.Monitoring;

/// <summary>
/// Reads the HTTP API's envelope (prometheus.io/docs/prometheus/latest/querying/api/, "Format overview" and
/// "Expression query result formats"): <c>{"status":"success","data":{"resultType":...,"result":...}}</c> or
/// <c>{"status":"error","errorType":...,"error":...}</c>. Sample values are strings because JSON has no NaN or
/// Inf; times are unix seconds as numbers.
/// </summary>
internal static class PrometheusResponseReader
{
    public static IReadOnlyList<PrometheusSample> ReadVector(JsonElement data)
    {
        var result = data.GetProperty("result");
        switch (data.GetProperty("resultType").GetString())
        {
            case "vector":
                var samples = new List<PrometheusSample>(result.GetArrayLength());
                foreach (var item in result.EnumerateArray())
                {
                    var (time, value) = ReadPoint(item.GetProperty("value"));
                    samples.Add(new PrometheusSample(ReadLabels(item.GetProperty("metric")), DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(time * 1000)), value));
                }

                return samples;
            case "scalar":
                var (at, scalar) = ReadPoint(result);
                return [new PrometheusSample(new Dictionary<string, string>(), DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(at * 1000)), scalar)];
            case var other:
                throw new JsonException($"expected a vector or scalar result, got '{other}'");
        }
    }

    public static IReadOnlyList<PrometheusSeries> ReadMatrix(JsonElement data)
    {
        if (data.GetProperty("resultType").GetString() is var type and not "matrix")
        {
            throw new JsonException($"expected a matrix result, got '{type}'");
        }

        var result = data.GetProperty("result");
        var series = new List<PrometheusSeries>(result.GetArrayLength());
        foreach (var item in result.EnumerateArray())
        {
            var values = item.GetProperty("values");
            var points = new PrometheusPoint[values.GetArrayLength()];
            var i = 0;
            foreach (var value in values.EnumerateArray())
            {
                var (time, number) = ReadPoint(value);
                points[i++] = new PrometheusPoint(time, number);
            }

            series.Add(new PrometheusSeries(ReadLabels(item.GetProperty("metric")), points));
        }

        return series;
    }

    /// <summary>A sample value as Prometheus writes it: a decimal, <c>NaN</c>, <c>+Inf</c> or <c>-Inf</c> (Go's strconv.FormatFloat).</summary>
    public static double ParseValue(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static (double Time, double Value) ReadPoint(JsonElement pair) =>
        (pair[0].GetDouble(), ParseValue(pair[1].GetString() ?? throw new JsonException("a sample value is not a string")));

    private static Dictionary<string, string> ReadLabels(JsonElement metric)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in metric.EnumerateObject())
        {
            labels[label.Name] = label.Value.GetString() ?? string.Empty;
        }

        return labels;
    }
}
