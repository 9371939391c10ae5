using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Discovery;

/// <summary>Finds the app's document: at the configured path only, or at the first well-known path that has one.</summary>
internal sealed class DocumentDiscoverer(AppDocumentClient client, SidecarOptions options)
{
    public IReadOnlyList<string> Candidates { get; } =
        options.OpenApiPath is { } path ? [path] : WellKnownPaths.All;

    /// <summary>
    /// Found, or Missing when the app answered every candidate without a document, or Unreachable as
    /// soon as it does not answer at all (it is not up yet: asking the other paths would not help).
    /// </summary>
    public async Task<DocumentFetch> DiscoverAsync(CancellationToken cancellationToken)
    {
        foreach (var path in Candidates)
        {
            var fetch = await client.FetchAsync(path, etag: null, cancellationToken);
            if (fetch.Status is FetchStatus.Found or FetchStatus.Unreachable)
            {
                return fetch;
            }
        }

        return DocumentFetch.Missing($"no OpenAPI document at {string.Join(", ", Candidates)}");
    }
}
