namespace Periscope.Sidecar.Discovery;

/// <summary>What one GET for a document came to; <see cref="Detail"/> says why when there was none.</summary>
internal sealed record DocumentFetch(FetchStatus Status, AppDocument? Document = null, string? Detail = null)
{
    public static DocumentFetch NotModified { get; } = new(FetchStatus.NotModified);

    public static DocumentFetch Found(AppDocument document) => new(FetchStatus.Found, document);

    public static DocumentFetch Missing(string detail) => new(FetchStatus.Missing, Detail: detail);

    public static DocumentFetch Unreachable(string detail) => new(FetchStatus.Unreachable, Detail: detail);
}
