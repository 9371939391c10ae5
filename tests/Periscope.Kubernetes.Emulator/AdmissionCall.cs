using System.Text.Json.Nodes;

namespace Periscope.Kubernetes.Emulator;

/// <summary>One call the emulator made to a mutating admission webhook, for tests to inspect.</summary>
/// <param name="Configuration">The MutatingWebhookConfiguration's name.</param>
/// <param name="Webhook">The webhook's name inside it.</param>
/// <param name="Url">Where the review was POSTed.</param>
/// <param name="Review">The AdmissionReview sent.</param>
/// <param name="Response">The AdmissionReview received, when one was.</param>
/// <param name="Error">Why the call failed (timeout, TLS, bad response), when it did.</param>
/// <param name="Reinvocation">True for a second call made because of reinvocationPolicy: IfNeeded.</param>
public sealed record AdmissionCall(
    string Configuration,
    string Webhook,
    Uri Url,
    JsonObject Review,
    JsonObject? Response,
    string? Error,
    bool Reinvocation);
