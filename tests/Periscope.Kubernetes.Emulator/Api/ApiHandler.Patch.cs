using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Periscope.Kubernetes.Emulator.Patching;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator.Api;

/// <summary>
/// patch, chosen by Content-Type (api-concepts, "Patch"; kubectl's four types): json-patch (RFC 6902),
/// merge-patch (RFC 7386), strategic-merge-patch, and apply-patch+yaml (server-side apply, here a
/// create-or-merge that records the fieldManager; field ownership conflicts are not emulated). A failing
/// patch is 422 like kube-apiserver's patch handler; a resourceVersion the patch sets is a precondition.
/// </summary>
internal sealed partial class ApiHandler
{
    private async Task PatchAsync(HttpContext context, RequestPath path)
    {
        var contentType = context.Request.ContentType?.Split(';')[0].Trim() ?? "";
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        var fieldManager = context.Request.Query["fieldManager"].ToString();

        Func<JsonObject, JsonObject> apply;
        switch (contentType)
        {
            case "application/json-patch+json":
                var operations = ParseJson(text);
                apply = current => JsonPatch.Apply(current, operations);
                break;
            case "application/merge-patch+json":
                var merge = ParseJson(text);
                apply = current => MergePatch.Apply(current, merge, strategic: false);
                break;
            case "application/strategic-merge-patch+json":
                var strategic = ParseJson(text);
                apply = current => MergePatch.Apply(current, strategic, strategic: true);
                break;
            case "application/apply-patch+yaml":
                if (fieldManager.Length == 0)
                {
                    throw new ApiError(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
                }

                var applied = Parse(() => YamlToJson.Parse(text)) as JsonObject ?? throw ApiError.BadRequest("an apply patch must be an object");
                if (path.Subresource is null && store.Get(path.Kind, path.Namespace, path.Name!) is null)
                {
                    Json.Metadata(applied)["name"] = path.Name;
                    RecordManager(applied, fieldManager, path.Kind.ApiVersion);
                    var created = await CreateObjectAsync(path with { Name = null }, applied, false, context.RequestAborted);
                    await WriteJsonAsync(context, 201, created);
                    return;
                }

                apply = current =>
                {
                    var merged = MergePatch.Apply(current, applied, strategic: true);
                    RecordManager(merged, fieldManager, path.Kind.ApiVersion);
                    return merged;
                };
                break;
            default:
                throw new ApiError(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json");
        }

        var updated = store.Update(path.Kind, path.Namespace, path.Name!, current =>
        {
            JsonObject patched;
            try
            {
                patched = apply(current);
            }
            catch (PatchException e)
            {
                throw ApiError.Unprocessable(e.Message);
            }

            return Merge(path, current, patched);
        });
        await WriteJsonAsync(context, 200, updated);
    }

    private static JsonNode? ParseJson(string text) => Parse(() => JsonNode.Parse(text));

    private static JsonNode? Parse(Func<JsonNode?> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is JsonException or PatchException)
        {
            throw ApiError.BadRequest($"error decoding patch: {e.Message}");
        }
    }

    /// <summary>A managedFields entry for the applier, without the fieldsV1 ownership set.</summary>
    private static void RecordManager(JsonObject obj, string manager, string apiVersion)
    {
        var metadata = Json.Metadata(obj);
        var entries = metadata["managedFields"] as JsonArray ?? [];
        foreach (var old in entries.OfType<JsonObject>().Where(e => Json.Str(e["manager"]) == manager && Json.Str(e["operation"]) == "Apply").ToList())
        {
            entries.Remove(old);
        }

        entries.Add(new JsonObject
        {
            ["manager"] = manager,
            ["operation"] = "Apply",
            ["apiVersion"] = apiVersion,
            ["time"] = Timestamp(DateTimeOffset.UtcNow),
            ["fieldsType"] = "FieldsV1",
        });
        metadata["managedFields"] = entries;
    }
}
