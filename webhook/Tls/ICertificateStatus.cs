namespace Periscope.Webhook.Tls;

/// <summary>
/// Whether the webhook can serve admission calls: a certificate is loaded and, in Bootstrap mode, its CA is in
/// the MutatingWebhookConfiguration's caBundle. The admission host answers <c>/readyz</c> from it, so a
/// replica takes traffic only once kube-apiserver can verify it.
/// </summary>
internal interface ICertificateStatus
{
    /// <summary>True once the host can complete a handshake that kube-apiserver trusts.</summary>
    bool IsReady { get; }

    /// <summary>Why it is not ready (the last load or patch error), or null when ready.</summary>
    string? Problem { get; }

    /// <summary>The serving certificate's notAfter, or null before one is loaded.</summary>
    DateTimeOffset? NotAfter { get; }
}
