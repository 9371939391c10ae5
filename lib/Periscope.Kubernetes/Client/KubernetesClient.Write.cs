using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Periscope.Kubernetes.Resources;

namespace Periscope.Kubernetes.Client;

internal sealed partial class KubernetesClient
{
    /// <summary>POST to the collection. apiVersion and kind are filled from the descriptor when unset.</summary>
    public Task<T> CreateAsync<T>(ResourceDescriptor<T> resource, T item, string? ns = null, string? fieldManager = null, CancellationToken cancellationToken = default)
        where T : KubernetesObject
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(item);
        Stamp(resource, item);
        ns ??= item.Metadata.Namespace;
        if (resource.Namespaced && string.IsNullOrEmpty(ns))
        {
            throw new ArgumentException($"{resource.Kind} is namespaced: a namespace is required.", nameof(ns));
        }

        var path = new QueryBuilder(resource.CollectionPath(ns)).Add("fieldManager", fieldManager).ToString();
        var request = NewRequest(HttpMethod.Post, path);
        request.Content = JsonBody(item, resource);
        return SendAsync(request, resource.TypeInfo, cancellationToken);
    }

    /// <summary>
    /// PUT the whole object. metadata.resourceVersion makes it an optimistic-concurrency update: a stale
    /// one gets 409 Conflict (API conventions, "Concurrency Control and Consistency").
    /// </summary>
    public Task<T> ReplaceAsync<T>(ResourceDescriptor<T> resource, T item, string? fieldManager = null, CancellationToken cancellationToken = default)
        where T : KubernetesObject
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(item);
        Stamp(resource, item);
        var path = new QueryBuilder(resource.ItemPath(item.Metadata.Name ?? "", item.Metadata.Namespace))
            .Add("fieldManager", fieldManager).ToString();
        var request = NewRequest(HttpMethod.Put, path);
        request.Content = JsonBody(item, resource);
        return SendAsync(request, resource.TypeInfo, cancellationToken);
    }

    /// <summary>PATCH with one of the four patch types; <paramref name="patch"/> is the body as the type expects it.</summary>
    public Task<T> PatchAsync<T>(
        ResourceDescriptor<T> resource,
        string name,
        string? ns,
        PatchType type,
        string patch,
        PatchOptions? options = null,
        CancellationToken cancellationToken = default)
        where T : KubernetesObject
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(patch);
        if (type == PatchType.Apply && string.IsNullOrEmpty(options?.FieldManager))
        {
            throw new ArgumentException("Server-side apply requires a field manager.", nameof(options));
        }

        var path = new QueryBuilder(resource.ItemPath(name, ns))
            .Add("fieldManager", options?.FieldManager)
            .Add("force", type == PatchType.Apply && options is { Force: true })
            .ToString();
        var request = NewRequest(HttpMethod.Patch, path);
        request.Content = new StringContent(patch, Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType(type));
        return SendAsync(request, resource.TypeInfo, cancellationToken);
    }

    /// <summary>DELETE; the answer (the object while finalizers run, or a Status) is not returned.</summary>
    public async Task DeleteAsync<T>(ResourceDescriptor<T> resource, string name, string? ns = null, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : KubernetesObject
    {
        ArgumentNullException.ThrowIfNull(resource);
        using var request = NewRequest(HttpMethod.Delete, resource.ItemPath(name, ns));
        if (options is not null)
        {
            var body = new DeleteOptionsBody
            {
                PropagationPolicy = options.PropagationPolicy,
                GracePeriodSeconds = options.GracePeriodSeconds,
                Preconditions = options.ResourceVersion is null ? null : new Preconditions { ResourceVersion = options.ResourceVersion },
            };
            request.Content = new StringContent(JsonSerializer.Serialize(body, KubernetesJsonContext.Default.DeleteOptionsBody), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private static string ContentType(PatchType type) => type switch
    {
        PatchType.JsonPatch => "application/json-patch+json",
        PatchType.MergePatch => "application/merge-patch+json",
        PatchType.StrategicMergePatch => "application/strategic-merge-patch+json",
        PatchType.Apply => "application/apply-patch+yaml",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static void Stamp<T>(ResourceDescriptor<T> resource, T item)
        where T : KubernetesObject
    {
        item.ApiVersion ??= resource.ApiVersion;
        item.Kind ??= resource.Kind;
    }

    private static StringContent JsonBody<T>(T item, ResourceDescriptor<T> resource)
        where T : KubernetesObject
        => new(JsonSerializer.Serialize(item, resource.TypeInfo), Encoding.UTF8, "application/json");
}
