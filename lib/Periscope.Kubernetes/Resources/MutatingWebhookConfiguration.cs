namespace Periscope.Kubernetes.Resources;

/// <summary>admissionregistration.k8s.io/v1 MutatingWebhookConfiguration (cluster-scoped).</summary>
internal sealed class MutatingWebhookConfiguration : KubernetesObject
{
    public List<MutatingWebhook>? Webhooks { get; set; }
}
