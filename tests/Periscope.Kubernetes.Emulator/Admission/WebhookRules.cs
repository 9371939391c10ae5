using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Resources;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator.Admission;

/// <summary>
/// Whether a webhook's rules match a request: operations, apiGroups, apiVersions, resources (with "*"
/// and "resource/*") and scope (kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#matching-requests-rules).
/// </summary>
internal static class WebhookRules
{
    public static bool Match(JsonNode? rules, string operation, ResourceKind kind)
    {
        if (rules is not JsonArray list)
        {
            return false;
        }

        return list.OfType<JsonObject>().Any(rule =>
            Contains(rule["operations"], operation)
            && Contains(rule["apiGroups"], kind.Group)
            && Contains(rule["apiVersions"], kind.Version)
            && Resources(rule["resources"], kind.Resource)
            && Json.Str(rule["scope"]) switch
            {
                "Namespaced" => kind.Namespaced,
                "Cluster" => !kind.Namespaced,
                _ => true,
            });
    }

    private static bool Contains(JsonNode? values, string value) =>
        values is JsonArray a && a.Select(Json.Str).Any(v => v == "*" || v == value);

    private static bool Resources(JsonNode? values, string resource) =>
        values is JsonArray a && a.Select(Json.Str).Any(v => v is "*" or "*/*" || v == resource || v == $"{resource}/*");
}
