namespace Periscope.Functions.Catalog;

/// <summary>The span the service's traffic covers: from the start of its first summary to the end of its latest.</summary>
internal sealed record TrafficWindow(DateTimeOffset From, DateTimeOffset To);
