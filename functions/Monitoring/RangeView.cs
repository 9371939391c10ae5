namespace Periscope.Functions.Monitoring;

/// <summary>A chart's data: the range asked, and one series per figure and label set, each point <c>[unix seconds, value]</c> (null where not finite).</summary>
internal sealed record RangeView(string Metric, DateTimeOffset Start, DateTimeOffset End, double StepSeconds, IReadOnlyList<RangeSeriesView> Series);
