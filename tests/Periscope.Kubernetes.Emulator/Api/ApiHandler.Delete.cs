using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator.Api;

/// <summary>
/// delete: immediate (no graceful termination or finalizers). Kinds whose registry returns the deleted
/// object (pods, services, namespaces) answer with it; the rest answer a Status Success carrying the
/// name, group, kind and uid, as the generic registry does. DeleteOptions.preconditions are honoured (409).
/// </summary>
internal sealed partial class ApiHandler
{
    private async Task DeleteAsync(HttpContext context, RequestPath path)
    {
        JsonObject? options = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            options = await ReadObjectAsync(context.Request);
        }

        var deleted = store.Delete(path.Kind, path.Namespace, path.Name!, current =>
        {
            var meta = Json.Metadata(current);
            var preconditions = options?["preconditions"];
            if ((Json.Str(preconditions?["resourceVersion"]) is { } rv && rv != Json.Str(meta["resourceVersion"]))
                || (Json.Str(preconditions?["uid"]) is { } uid && uid != Json.Str(meta["uid"])))
            {
                throw ApiError.Conflict(path.Kind, path.Name!);
            }
        });

        if (path.Kind.ReturnsDeletedObject)
        {
            await WriteJsonAsync(context, 200, deleted);
            return;
        }

        var details = new JsonObject { ["name"] = path.Name };
        if (path.Kind.Group.Length > 0)
        {
            details["group"] = path.Kind.Group;
        }

        details["kind"] = path.Kind.Resource;
        details["uid"] = Json.Str(deleted["metadata"]?["uid"]);
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        });
    }
}
