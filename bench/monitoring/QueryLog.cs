using System.Globalization;
using System.Text.Json;

namespace Periscope.Bench.Monitoring;

/// <summary>
/// Prometheus's query log (<c>global.query_log_file</c>, prometheus.io/docs/guides/query-log/): one JSON line per
/// query with its parameters. Read after a function call, it gives exactly the PromQL, times and step the function
/// sent, so the direct side replays those and nothing written by hand.
/// </summary>
internal sealed class QueryLog(string path)
{
    private long offset;

    /// <summary>Skips what is logged so far.</summary>
    public void Mark() => offset = File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>The API requests logged since <see cref="Mark"/>, as relative URLs.</summary>
    public IReadOnlyList<string> Since()
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var urls = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            using var entry = JsonDocument.Parse(line);
            var parameters = entry.RootElement.GetProperty("params");
            var query = Uri.EscapeDataString(parameters.GetProperty("query").GetString()!);
            var start = Seconds(parameters.GetProperty("start").GetString()!);
            var end = Seconds(parameters.GetProperty("end").GetString()!);
            var step = parameters.GetProperty("step").GetDouble();
            urls.Add(step == 0
                ? $"api/v1/query?query={query}&time={end}"
                : $"api/v1/query_range?query={query}&start={start}&end={end}&step={step.ToString(CultureInfo.InvariantCulture)}");
        }

        return urls;
    }

    private static string Seconds(string time) =>
        (DateTimeOffset.Parse(time, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
}
