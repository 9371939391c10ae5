using System.Text.Json.Nodes;
using Periscope.Webhook.Injection;

namespace Periscope.Webhook.Admission;

/// <summary>Decides one pod; the seam where tests put a reviewer that fails, to prove a failure never blocks a pod.</summary>
internal interface IPodReviewer
{
    InjectionDecision Review(JsonNode pod, string @namespace, InjectionContext context);
}
