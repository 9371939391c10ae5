using System.Globalization;
using System.Text.Json;

namespace Periscope.Functions.Monitoring;

/// <summary>
/// Reads the HTTP API's envelope (prometheus.io/docs/prometheus/latest/querying/api/, "Format overview" and
/// "Expression query result formats"): <c>{"status":"success","data":{"resultType":...,"result":...}}</c> or
/// <c>{"status":"error","errorType":...,"error":...}</c>. Sample values are strings because JSON has no NaN or
/// Inf; times are unix seconds as numbers.
/// </summary>
/// <remarks>
/// One forward pass with <see cref="Utf8JsonReader"/> straight into samples, without a <see cref="JsonDocument"/>
/// in between; label names, which repeat on every sample, are allocated once per answer. Invalid JSON throws
/// <see cref="JsonException"/>; valid JSON that is not the API's shape throws <see cref="FormatException"/>.
/// </remarks>
internal static class PrometheusResponseReader
{
    public static PrometheusAnswer Read(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
        Expect(ref reader, JsonTokenType.StartObject, "the answer");
        var answer = new PrometheusAnswer();
        var names = new LabelNames();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("status"u8))
            {
                answer.Status = ReadString(ref reader, "status");
            }
            else if (reader.ValueTextEquals("errorType"u8))
            {
                answer.ErrorType = ReadString(ref reader, "errorType");
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                answer.Error = ReadString(ref reader, "error");
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                ReadData(ref reader, answer, names);
            }
            else
            {
                Skip(ref reader);
            }
        }

        return answer;
    }

    /// <summary>An instant vector's samples; a scalar comes back as one unlabelled sample.</summary>
    public static IReadOnlyList<PrometheusSample> ReadVector(PrometheusAnswer answer)
    {
        switch (answer.ResultType)
        {
            case "vector":
                return answer.Items.Select(item =>
                {
                    var point = Single(item);
                    return new PrometheusSample(item.Labels, Time(point.UnixSeconds), point.Value);
                }).ToList();
            case "scalar":
                var point = answer.Scalar ?? throw new FormatException("a scalar result without its [time, value] pair");
                return [new PrometheusSample(new Dictionary<string, string>(), Time(point.UnixSeconds), point.Value)];
            case var other:
                throw new FormatException($"expected a vector or scalar result, got '{other}'");
        }
    }

    public static IReadOnlyList<PrometheusSeries> ReadMatrix(PrometheusAnswer answer) =>
        answer.ResultType is "matrix"
            ? answer.Items.Select(item => new PrometheusSeries(item.Labels, item.Values ?? throw new FormatException("a matrix series without 'values'"))).ToList()
            : throw new FormatException($"expected a matrix result, got '{answer.ResultType}'");

    public static double ParseValue(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static PrometheusPoint Single(PrometheusAnswer.Item item) =>
        item.Value ?? throw new FormatException("a vector sample without 'value'");

    private static DateTimeOffset Time(double unixSeconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(unixSeconds * 1000));

    private static void ReadData(ref Utf8JsonReader reader, PrometheusAnswer answer, LabelNames names)
    {
        Expect(ref reader, JsonTokenType.StartObject, "data");
        answer.HasData = true;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("resultType"u8))
            {
                answer.ResultType = ReadString(ref reader, "data.resultType");
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                ReadResult(ref reader, answer, names);
            }
            else
            {
                Skip(ref reader);
            }
        }
    }

    /// <summary>A list of series objects (vector, matrix), or one [time, value] pair (scalar).</summary>
    private static void ReadResult(ref Utf8JsonReader reader, PrometheusAnswer answer, LabelNames names)
    {
        Expect(ref reader, JsonTokenType.StartArray, "data.result");
        if (Next(ref reader) is JsonTokenType.Number)
        {
            answer.Scalar = ReadPointRest(ref reader);
            return;
        }

        while (reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException($"data.result holds a {reader.TokenType}, not a series object");
            }

            answer.Items.Add(ReadItem(ref reader, names));
            Next(ref reader);
        }
    }

    private static PrometheusAnswer.Item ReadItem(ref Utf8JsonReader reader, LabelNames names)
    {
        var item = new PrometheusAnswer.Item();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("metric"u8))
            {
                Expect(ref reader, JsonTokenType.StartObject, "metric");
                while (Next(ref reader) == JsonTokenType.PropertyName)
                {
                    var name = names.Get(ref reader);
                    if (Next(ref reader) is not (JsonTokenType.String or JsonTokenType.Null))
                    {
                        throw new FormatException($"the label '{name}' is a {reader.TokenType}, not a string");
                    }

                    item.Labels[name] = reader.GetString() ?? string.Empty;
                }
            }
            else if (reader.ValueTextEquals("value"u8))
            {
                item.Value = ReadPoint(ref reader);
            }
            else if (reader.ValueTextEquals("values"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray, "values");
                var points = new List<PrometheusPoint>();
                while (Next(ref reader) == JsonTokenType.StartArray)
                {
                    Expect(ref reader, JsonTokenType.Number, "a point's time");
                    points.Add(ReadPointRest(ref reader));
                }

                item.Values = points;
            }
            else
            {
                Skip(ref reader);
            }
        }

        return item;
    }

    private static PrometheusPoint ReadPoint(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray, "value");
        Expect(ref reader, JsonTokenType.Number, "a point's time");
        return ReadPointRest(ref reader);
    }

    /// <summary>From a point's time (the current token) to the end of its array.</summary>
    private static PrometheusPoint ReadPointRest(ref Utf8JsonReader reader)
    {
        var time = reader.GetDouble();
        Expect(ref reader, JsonTokenType.String, "a sample value");
        var value = ReadValue(ref reader);
        Expect(ref reader, JsonTokenType.EndArray, "the end of a [time, value] pair");
        return new PrometheusPoint(time, value);
    }

    private static double ReadValue(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && double.TryParse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return ParseValue(reader.GetString()!);
    }

    private static string? ReadString(ref Utf8JsonReader reader, string what) => Next(ref reader) switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        var other => throw new FormatException($"'{what}' is a {other}, not a string"),
    };

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (Next(ref reader) != type)
        {
            throw new FormatException($"expected {what} as a {type}, got a {reader.TokenType}");
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new FormatException("the answer ends early");

    private static void Skip(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        reader.Skip();
    }

    /// <summary>The label names of one answer: the same dozen on every sample, allocated once.</summary>
    private sealed class LabelNames
    {
        private readonly List<string> _seen = [];

        public string Get(ref Utf8JsonReader reader)
        {
            foreach (var name in _seen)
            {
                if (reader.ValueTextEquals(name))
                {
                    return name;
                }
            }

            var added = reader.GetString()!;
            _seen.Add(added);
            return added;
        }
    }
}
