namespace Periscope.Functions.Store;

/// <summary>A cataloged service: an app-id within a namespace, as Dapr addresses it (<c>appId.namespace</c>).</summary>
internal readonly record struct ServiceKey(string Namespace, string AppId)
{
    public override string ToString() => $"{Namespace}/{AppId}";
}
