using System.Text.Json.Nodes;

namespace Periscope.OpenApi.Normalization;

/// <summary>Corrects what Microsoft.OpenApi's Swagger 2.0 upgrade says differently from the 2.0 document.</summary>
/// <remarks>
/// <list type="number">
/// <item>Responses without a schema come out with empty media types (<c>"application/json": {}</c>), which
/// say a body exists where 2.0 said none (Swagger 2.0 "Response Object": no schema means no body); they are
/// removed.</item>
/// <item>A form body built from formData parameters is required when one of its fields is; the library
/// leaves the request body optional.</item>
/// </list>
/// </remarks>
internal static class Swagger20Fixups
{
    public static void Apply(JsonObject document)
    {
        RemoveEmptyResponseMediaTypes(document);
        RequireFormBodiesWithRequiredFields(document);
    }

    private static void RemoveEmptyResponseMediaTypes(JsonObject document)
    {
        foreach (var response in ResponsesOf(document))
        {
            if (response["content"] is not JsonObject content)
            {
                continue;
            }

            foreach (var (mediaType, value) in content.ToArray())
            {
                if (value is JsonObject { Count: 0 })
                {
                    content.Remove(mediaType);
                }
            }

            if (content.Count == 0)
            {
                response.Remove("content");
            }
        }
    }

    private static void RequireFormBodiesWithRequiredFields(JsonObject document)
    {
        foreach (var operation in OperationsOf(document))
        {
            if (operation["requestBody"] is JsonObject body && !body.ContainsKey("required") && body["content"] is JsonObject content
                && content.Any(media => media.Key is "multipart/form-data" or "application/x-www-form-urlencoded"
                    && media.Value?["schema"]?["required"] is JsonArray { Count: > 0 }))
            {
                body["required"] = true;
            }
        }
    }

    private static IEnumerable<JsonObject> ResponsesOf(JsonObject document)
    {
        if (document["components"]?["responses"] is JsonObject shared)
        {
            foreach (var (_, response) in shared)
            {
                if (response is JsonObject obj)
                {
                    yield return obj;
                }
            }
        }

        foreach (var operation in OperationsOf(document))
        {
            if (operation["responses"] is JsonObject responses)
            {
                foreach (var (_, response) in responses)
                {
                    if (response is JsonObject obj)
                    {
                        yield return obj;
                    }
                }
            }
        }
    }

    // A converted 2.0 document has no path item references, so every operation is directly under paths.
    private static IEnumerable<JsonObject> OperationsOf(JsonObject document)
    {
        if (document["paths"] is not JsonObject paths)
        {
            yield break;
        }

        foreach (var (_, pathItem) in paths)
        {
            if (pathItem is not JsonObject item)
            {
                continue;
            }

            foreach (var (_, operation) in item)
            {
                if (operation is JsonObject op)
                {
                    yield return op;
                }
            }
        }
    }
}
