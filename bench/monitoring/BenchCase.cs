namespace Periscope.Bench.Monitoring;

/// <summary>
/// One comparison: the PromQL a monitoring function asks, sent straight to Prometheus (all at once when the
/// function asks several), against the function's own URL, both evaluated at the same fixed time.
/// </summary>
internal sealed record BenchCase(string Name, IReadOnlyList<string> DirectUrls, string FunctionUrl);
