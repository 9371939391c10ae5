namespace Periscope.Kubernetes.Emulator.Resources;

/// <summary>One served resource, as an APIResource in discovery describes it.</summary>
internal sealed record ResourceKind(
    string Group,
    string Version,
    string Resource,
    string Kind,
    bool Namespaced,
    bool HasStatus,
    bool ReturnsDeletedObject)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    public string SingularName => Kind.ToLowerInvariant();

    public string StoreKey => $"{Group}/{Resource}";

    /// <summary>The group-qualified resource kube-apiserver puts in error messages: <c>deployments.apps "x" not found</c>.</summary>
    public string QualifiedResource => Group.Length == 0 ? Resource : $"{Resource}.{Group}";
}
