namespace Periscope.Sidecar.Tests.Fakes;

/// <summary>A GET the fake app answered: which path, the If-None-Match it carried, and the status it got.</summary>
internal sealed record AppRequest(string PathAndQuery, string? IfNoneMatch, int Status);
