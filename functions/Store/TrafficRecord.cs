namespace Periscope.Functions.Store;

/// <summary>
/// The traffic of one operation of a service as the sidecars classified it: by method, path template and
/// whether the document described it (<paramref name="Inferred"/> false) or the sidecar inferred it.
/// </summary>
internal sealed record TrafficRecord(string Method, string PathTemplate, bool Inferred, TrafficTotals Totals);
