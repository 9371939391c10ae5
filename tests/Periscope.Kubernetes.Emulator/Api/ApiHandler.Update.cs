using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator.Api;

/// <summary>
/// update (PUT), on the object or its status subresource. A resourceVersion in the body is an
/// optimistic-concurrency precondition: a stale one is 409 Conflict (api-conventions.md, "Concurrency
/// Control and Consistency"); without one the update is unconditional.
/// </summary>
internal sealed partial class ApiHandler
{
    private async Task UpdateAsync(HttpContext context, RequestPath path)
    {
        var body = await ReadObjectAsync(context.Request);
        CheckKind(path.Kind, body);
        if (Json.Str(body["metadata"]?["name"]) is { } name && name != path.Name)
        {
            throw ApiError.BadRequest($"the name of the object ({name}) does not match the name on the URL ({path.Name})");
        }

        var updated = store.Update(path.Kind, path.Namespace, path.Name!, current => Merge(path, current, body));
        await WriteJsonAsync(context, 200, updated);
    }

    /// <summary>
    /// The next stored object from the current one and a client's full intended object: system metadata is
    /// kept, a status subresource write changes only status, a main-resource write never changes status,
    /// and generation counts spec changes (api-conventions.md, "Spec and Status").
    /// </summary>
    private static JsonObject Merge(RequestPath path, JsonObject current, JsonObject intended)
    {
        var currentMeta = Json.Metadata(current);
        var wanted = Json.Str(intended["metadata"]?["resourceVersion"]);
        if (!string.IsNullOrEmpty(wanted) && wanted != Json.Str(currentMeta["resourceVersion"]))
        {
            throw ApiError.Conflict(path.Kind, path.Name!);
        }

        JsonObject next;
        if (path.Subresource == "status")
        {
            next = (JsonObject)current.DeepClone();
            next["status"] = intended["status"]?.DeepClone();
            return next;
        }

        next = (JsonObject)intended.DeepClone();
        var meta = Json.Metadata(next);
        foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "generation", "deletionTimestamp" })
        {
            if (currentMeta[field] is { } value)
            {
                meta[field] = value.DeepClone();
            }
            else
            {
                meta.Remove(field);
            }
        }

        next["kind"] = path.Kind.Kind;
        next["apiVersion"] = path.Kind.ApiVersion;
        if (path.Kind.HasStatus)
        {
            next["status"] = current["status"]?.DeepClone();
            if (next["status"] is null)
            {
                next.Remove("status");
            }
        }

        if (!JsonNode.DeepEquals(next["spec"], current["spec"]))
        {
            meta["generation"] = (Json.Long(currentMeta["generation"]) ?? 0) + 1;
        }

        return next;
    }
}
