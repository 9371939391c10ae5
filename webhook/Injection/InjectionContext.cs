namespace Periscope.Webhook.Injection;

/// <summary>One admission request's surroundings: the configured options and the request's own name for the pod.</summary>
/// <param name="RequestName">
/// AdmissionRequest.name; empty when the pod has only <c>generateName</c> (admission.k8s.io/v1 AdmissionRequest docs).
/// </param>
internal sealed record InjectionContext(InjectionOptions Options, string? RequestName = null);
