namespace Periscope.Functions.Monitoring;

/// <summary>Runs a chart's named range queries concurrently and answers them as one <see cref="RangeView"/>.</summary>
internal sealed class RangeReader(PrometheusClient prometheus)
{
    public async Task<RangeView> ReadAsync(string metric, IReadOnlyList<(string Name, string Query)> queries, QueryRange range, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(queries.Select(query => prometheus.QueryRangeAsync(query.Query, range, cancellationToken)));
        var series = new List<RangeSeriesView>();
        for (var i = 0; i < queries.Count; i++)
        {
            series.AddRange(answers[i].Select(found => new RangeSeriesView(
                queries[i].Name,
                found.Labels.Where(label => label.Key != "__name__").ToDictionary(StringComparer.Ordinal),
                found.Points.Select(point => new[] { point.UnixSeconds, Finite.Value(point.Value) }).ToList())));
        }

        return new RangeView(metric, range.Start, range.End, range.Step.TotalSeconds, series);
    }
}
