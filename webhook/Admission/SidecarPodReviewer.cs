using System.Text.Json.Nodes;
using Periscope.Webhook.Injection;

namespace Periscope.Webhook.Admission;

internal sealed class SidecarPodReviewer : IPodReviewer
{
    public InjectionDecision Review(JsonNode pod, string @namespace, InjectionContext context) => SidecarInjector.Review(pod, @namespace, context);
}
