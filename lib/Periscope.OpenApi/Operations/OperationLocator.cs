using System.Text.Json;
using System.Text.Json.Nodes;
using Periscope.OpenApi.Json;

namespace Periscope.OpenApi.Operations;

/// <summary>Lists the operations under <c>paths</c> of a normalized document, in document order.</summary>
/// <remarks>
/// A path item may be a <c>$ref</c> to a reusable one (OpenAPI 3.1 §4.8.9.1, usually under
/// <c>components/pathItems</c>); its own fields, when it has any beside the reference, win. Webhooks are not
/// path operations and are not listed.
/// </remarks>
internal static class OperationLocator
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static List<OperationSite> Locate(JsonObject document, List<ParseDiagnostic> diagnostics)
    {
        var sites = new List<OperationSite>();
        if (document["paths"] is not JsonObject paths)
        {
            return sites;
        }

        foreach (var (path, value) in paths)
        {
            if (value is not JsonObject pathItem)
            {
                continue;
            }

            var pathPointer = JsonPointer.Append("/paths", path);
            var referenced = ReferencedPathItem(document, pathItem, pathPointer, diagnostics);
            var parameters = pathItem["parameters"] as JsonArray ?? referenced?["parameters"] as JsonArray;
            foreach (var method in Methods)
            {
                if ((pathItem[method] ?? referenced?[method]) is JsonObject operation)
                {
                    sites.Add(new OperationSite(method.ToUpperInvariant(), path, operation, parameters, JsonPointer.Append(pathPointer, method)));
                }
            }
        }

        return sites;
    }

    private static JsonObject? ReferencedPathItem(JsonObject document, JsonObject pathItem, string pointer, List<ParseDiagnostic> diagnostics)
    {
        if (pathItem["$ref"] is not JsonValue reference || reference.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var target = JsonPointer.ResolveLocalReference(document, reference.GetValue<string>(), out _) as JsonObject;
        if (target is null)
        {
            diagnostics.Add(ParseDiagnostic.WarningAt($"The path item reference '{reference.GetValue<string>()}' cannot be resolved; its operations are skipped.", pointer));
        }

        return target;
    }
}
