using System.Runtime.CompilerServices;
using Periscope.Kubernetes.Resources;

namespace Periscope.Kubernetes.Client;

internal sealed partial class KubernetesClient
{
    public Task<T> GetAsync<T>(ResourceDescriptor<T> resource, string name, string? ns = null, CancellationToken cancellationToken = default)
        where T : KubernetesObject
    {
        ArgumentNullException.ThrowIfNull(resource);
        return SendAsync(NewRequest(HttpMethod.Get, resource.ItemPath(name, ns)), resource.TypeInfo, cancellationToken);
    }

    /// <summary>The object, or null when the server answers 404 NotFound.</summary>
    public async Task<T?> TryGetAsync<T>(ResourceDescriptor<T> resource, string name, string? ns = null, CancellationToken cancellationToken = default)
        where T : KubernetesObject
    {
        try
        {
            return await GetAsync(resource, name, ns, cancellationToken);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>One page of a list; <paramref name="ns"/> null lists a namespaced kind across all namespaces.</summary>
    public Task<ResourceList<T>> ListAsync<T>(ResourceDescriptor<T> resource, string? ns = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : KubernetesObject
    {
        ArgumentNullException.ThrowIfNull(resource);
        var path = new QueryBuilder(resource.CollectionPath(ns)).Add(options).ToString();
        return SendAsync(NewRequest(HttpMethod.Get, path), resource.ListTypeInfo, cancellationToken);
    }

    /// <summary>Every item, following metadata.continue page by page (API concepts, "Retrieving large results sets in chunks").</summary>
    public async IAsyncEnumerable<T> ListAllAsync<T>(
        ResourceDescriptor<T> resource,
        string? ns = null,
        ListOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : KubernetesObject
    {
        var page = options ?? new ListOptions();
        while (true)
        {
            var list = await ListAsync(resource, ns, page, cancellationToken);
            foreach (var item in list.Items)
            {
                yield return item;
            }

            if (string.IsNullOrEmpty(list.Metadata.Continue))
            {
                yield break;
            }

            // The continue token pins the snapshot; resourceVersion must not be sent with it.
            page = page with { Continue = list.Metadata.Continue, ResourceVersion = null, ResourceVersionMatch = null };
        }
    }
}
