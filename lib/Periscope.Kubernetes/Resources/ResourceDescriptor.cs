using System.Text.Json.Serialization.Metadata;

namespace Periscope.Kubernetes.Resources;

/// <summary>
/// Where a kind lives in the API and how to (de)serialize it. URLs follow API concepts,
/// "Resource URIs": <c>/api/v1</c> for the core group, <c>/apis/{group}/{version}</c> otherwise, then
/// <c>/namespaces/{ns}</c> for namespaced kinds, then <c>/{plural}[/{name}]</c>.
/// Callers describe other kinds (a CRD such as PrometheusRule) with their own type infos.
/// </summary>
internal sealed class ResourceDescriptor<T>(
    string group,
    string version,
    string kind,
    string plural,
    bool namespaced,
    JsonTypeInfo<T> typeInfo,
    JsonTypeInfo<ResourceList<T>> listTypeInfo)
    where T : KubernetesObject
{
    public string Group { get; } = group;

    public string Version { get; } = version;

    public string Kind { get; } = kind;

    public string Plural { get; } = plural;

    public bool Namespaced { get; } = namespaced;

    public JsonTypeInfo<T> TypeInfo { get; } = typeInfo;

    public JsonTypeInfo<ResourceList<T>> ListTypeInfo { get; } = listTypeInfo;

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The collection path; <paramref name="ns"/> null on a namespaced kind means all namespaces.</summary>
    public string CollectionPath(string? ns)
    {
        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        return Namespaced && ns is not null
            ? $"{root}/namespaces/{Uri.EscapeDataString(ns)}/{Plural}"
            : $"{root}/{Plural}";
    }

    public string ItemPath(string name, string? ns)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (Namespaced && string.IsNullOrEmpty(ns))
        {
            throw new ArgumentException($"{Kind} is namespaced: a namespace is required.", nameof(ns));
        }

        return $"{CollectionPath(Namespaced ? ns : null)}/{Uri.EscapeDataString(name)}";
    }
}
