namespace Periscope.Sidecar.Tests.Invocation;

/// <summary>One request the fake catalog saw.</summary>
internal sealed record CatalogLookupRequest(string Path, string? Authorization);
