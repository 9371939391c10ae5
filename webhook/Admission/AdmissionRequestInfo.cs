using System.Text.Json.Nodes;

namespace Periscope.Webhook.Admission;

/// <summary>The parts of an admission.k8s.io/v1 AdmissionRequest the webhook uses.</summary>
/// <param name="Uid">request.uid, echoed in the response.</param>
/// <param name="Group">request.kind.group ("" for the core group).</param>
/// <param name="Version">request.kind.version.</param>
/// <param name="Kind">request.kind.kind.</param>
/// <param name="Operation">CREATE, UPDATE, DELETE or CONNECT.</param>
/// <param name="SubResource">request.subResource, when the call is about one (pods/ephemeralcontainers, ...).</param>
/// <param name="Namespace">request.namespace: pods created by controllers carry it here, not in metadata.namespace.</param>
/// <param name="Name">request.name: empty when the object has only metadata.generateName.</param>
/// <param name="Object">request.object.</param>
internal sealed record AdmissionRequestInfo(
    string Uid, string Group, string Version, string Kind, string Operation, string? SubResource, string? Namespace, string? Name, JsonNode? Object)
{
    public bool IsPodCreate =>
        Group.Length == 0 && Version == "v1" && Kind == "Pod" && Operation == "CREATE" && string.IsNullOrEmpty(SubResource);
}
