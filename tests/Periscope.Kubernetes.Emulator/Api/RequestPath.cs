using Periscope.Kubernetes.Emulator.Resources;

namespace Periscope.Kubernetes.Emulator.Api;

/// <summary>
/// A resource URL: <c>/api/v1[/namespaces/{ns}]/{resource}[/{name}[/{subresource}]]</c> or the same under
/// <c>/apis/{group}/{version}</c> (api-concepts, "Resource URIs").
/// </summary>
internal sealed record RequestPath(ResourceKind Kind, string? Namespace, string? Name, string? Subresource)
{
    public static RequestPath? Parse(string path)
    {
        var segments = path.Trim('/').Split('/');
        string group;
        string version;
        ArraySegment<string> rest;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], segments[2..]);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], segments[3..]);
        }
        else
        {
            return null;
        }

        string? ns = null;
        if (rest.Count >= 3 && rest[0] == "namespaces" && ResourceCatalog.Find(group, version, rest[2]) is { Namespaced: true })
        {
            ns = rest[1];
            rest = rest[2..];
        }

        var kind = ResourceCatalog.Find(group, version, rest[0]);
        if (kind is null || rest.Count > 3 || (kind.Namespaced && ns is null && rest.Count > 1))
        {
            return null;
        }

        return new RequestPath(kind, ns, rest.Count > 1 ? rest[1] : null, rest.Count > 2 ? rest[2] : null);
    }
}
