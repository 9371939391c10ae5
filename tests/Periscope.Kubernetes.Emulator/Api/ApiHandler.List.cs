using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Periscope.Kubernetes.Emulator.Selectors;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator.Api;

/// <summary>
/// list: an XList with metadata.resourceVersion, selectors, and chunking with limit/continue
/// (api-concepts, "Retrieving large results sets in chunks"). Items carry no kind/apiVersion, as in the real list encoding.
/// </summary>
internal sealed partial class ApiHandler
{
    private const string ExpiredContinueMessage =
        "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.";

    private JsonObject List(RequestPath path, IQueryCollection query)
    {
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], path.Kind);
        var (items, revision) = store.List(path.Kind, path.Namespace);
        string? after = null;
        if (query["continue"] is [{ Length: > 0 } token])
        {
            (revision, after) = ReadContinue(token);
            if (revision < store.CompactedRevision)
            {
                throw ApiError.Expired(ExpiredContinueMessage);
            }
        }

        var selected = items
            .Where(i => after is null || string.CompareOrdinal(i.Key, after) > 0)
            .Where(i => labels.Matches(Json.Labels(i.Object)) && fields.Matches(i.Object))
            .ToList();
        var limit = int.TryParse(query["limit"], out var l) && l > 0 ? l : int.MaxValue;
        var page = selected.Take(limit).ToList();

        var metadata = new JsonObject { ["resourceVersion"] = revision.ToString() };
        if (selected.Count > page.Count)
        {
            metadata["continue"] = WriteContinue(revision, page[^1].Key);
            metadata["remainingItemCount"] = selected.Count - page.Count;
        }

        var array = new JsonArray();
        foreach (var (_, obj) in page)
        {
            obj.Remove("kind");
            obj.Remove("apiVersion");
            array.Add(obj);
        }

        return new JsonObject
        {
            ["kind"] = path.Kind.ListKind,
            ["apiVersion"] = path.Kind.ApiVersion,
            ["metadata"] = metadata,
            ["items"] = array,
        };
    }

    /// <summary>The token's shape follows the apiserver's storage continue key: base64 of {"v","rv","start"}.</summary>
    private static string WriteContinue(long revision, string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = revision, ["start"] = lastKey }.ToJsonString()));

    private static (long Revision, string After) ReadContinue(string token)
    {
        try
        {
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)))!;
            return (json["rv"]!.GetValue<long>(), json["start"]!.GetValue<string>());
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or NullReferenceException or InvalidOperationException)
        {
            throw ApiError.BadRequest($"continue key is not valid: {e.Message}");
        }
    }
}
