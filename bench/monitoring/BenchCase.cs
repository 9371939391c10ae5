namespace Periscope.Bench.Monitoring;

/// <summary>
/// One comparison: a monitoring function's URL, and the Prometheus API requests it makes (captured from
/// Prometheus's query log, <see cref="QueryLog"/>), which the direct side sends straight to Prometheus, all at
/// once when there are several, as the function does.
/// </summary>
internal sealed record BenchCase(string Name, string FunctionUrl)
{
    public IReadOnlyList<string> DirectUrls { get; set; } = [];
}
