namespace Periscope.Functions.Monitoring;

/// <summary>One series: which figure (<c>utilisationRatio</c>, <c>receiveBytesPerSecond</c>, ...), its labels but the metric name, and its points.</summary>
internal sealed record RangeSeriesView(string Name, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<double?[]> Points);
