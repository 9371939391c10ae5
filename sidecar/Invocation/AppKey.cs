namespace Periscope.Sidecar.Invocation;

/// <summary>An invocation target: an app-id in a namespace, as Dapr writes it (<c>app.namespace</c>).</summary>
internal readonly record struct AppKey(string Namespace, string AppId)
{
    public override string ToString() => $"{AppId}.{Namespace}";
}
