using System.Runtime.CompilerServices;
using Periscope.Kubernetes.Resources;
using Periscope.Kubernetes.Watching;

namespace Periscope.Kubernetes.Client;

internal sealed partial class KubernetesClient
{
    /// <summary>
    /// List, then watch for changes for as long as the caller enumerates, surviving dropped connections
    /// and expired resourceVersions (see <see cref="Watcher{T}"/>). Ends only by cancellation or by an
    /// error that retrying cannot fix.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(
        ResourceDescriptor<T> resource,
        string? ns = null,
        WatchOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : KubernetesObject
    {
        ArgumentNullException.ThrowIfNull(resource);
        using var watcher = new Watcher<T>(this, resource, ns, options ?? new WatchOptions(), _logger);
        while (true)
        {
            yield return await watcher.NextAsync(cancellationToken);
        }
    }

    internal Task<HttpResponseMessage> OpenStreamAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var request = NewRequest(HttpMethod.Get, pathAndQuery);
        return SendOwningRequestAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOwningRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
    }
}
