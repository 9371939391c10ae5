using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Api;
using Periscope.Kubernetes.Emulator.Resources;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator.Selectors;

/// <summary>
/// <c>fieldSelector=</c>: <c>=</c>, <c>==</c> and <c>!=</c> over the fields each kind supports
/// (kubernetes.io/docs/concepts/overview/working-with-objects/field-selectors/); any other field is the
/// apiserver's 400 "field label not supported".
/// </summary>
internal sealed class FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> terms)
{
    private static readonly string[] Common = ["metadata.name", "metadata.namespace"];

    private static readonly Dictionary<string, string[]> PerResource = new(StringComparer.Ordinal)
    {
        ["pods"] = ["spec.nodeName", "status.phase", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork", "status.podIP", "status.nominatedNodeName"],
        ["events"] = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"],
        ["secrets"] = ["type"],
        ["namespaces"] = ["status.phase"],
        ["nodes"] = ["spec.unschedulable"],
        ["replicasets"] = ["status.replicas"],
    };

    public static FieldSelector Parse(string? text, ResourceKind kind)
    {
        var terms = new List<(string, bool, string)>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new FieldSelector(terms);
        }

        foreach (var term in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (token, equal) = term.Contains("!=", StringComparison.Ordinal) ? ("!=", false)
                : term.Contains("==", StringComparison.Ordinal) ? ("==", true) : ("=", true);
            var at = term.IndexOf(token, StringComparison.Ordinal);
            if (at <= 0)
            {
                throw ApiError.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            }

            var field = term[..at].Trim();
            var allowed = Common.Contains(field) || (PerResource.TryGetValue(kind.Resource, out var extra) && extra.Contains(field));
            if (!allowed)
            {
                throw ApiError.BadRequest($"field label not supported: {field}");
            }

            terms.Add((field, equal, term[(at + token.Length)..].Trim()));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj) => terms.All(t => (Json.FieldValue(obj, t.Field) == t.Value) == t.Equal);
}
