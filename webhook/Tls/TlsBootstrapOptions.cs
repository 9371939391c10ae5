namespace Periscope.Webhook.Tls;

/// <summary>Section <c>Tls:Bootstrap</c>: the self-managed CA and the caBundle it patches.</summary>
internal sealed record TlsBootstrapOptions
{
    /// <summary>
    /// <c>Tls:Bootstrap:WebhookConfigurationName</c>: the MutatingWebhookConfiguration whose every webhook gets
    /// the CA as <c>clientConfig.caBundle</c>. Default <c>periscope-webhook</c>.
    /// </summary>
    public string WebhookConfigurationName { get; init; } = "periscope-webhook";

    /// <summary>
    /// <c>Tls:Bootstrap:ServiceName</c>: the Service in front of the webhook; the certificate names
    /// <c>{service}.{namespace}.svc</c>, the host kube-apiserver checks. Default <c>periscope-webhook</c>.
    /// </summary>
    public string ServiceName { get; init; } = "periscope-webhook";

    /// <summary>
    /// <c>Tls:Bootstrap:Namespace</c>: the Service's and the CA Secret's namespace. Default: the namespace of the
    /// Kubernetes configuration (in a pod, its own, from the service-account mount).
    /// </summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// <c>Tls:Bootstrap:CaSecretName</c>: the Secret (type kubernetes.io/tls) holding the CA's certificate and
    /// key, created by whichever replica comes first and read by the others, so every replica serves a
    /// certificate from the one CA in the caBundle. Default <c>periscope-webhook-ca</c>.
    /// </summary>
    public string CaSecretName { get; init; } = "periscope-webhook-ca";

    /// <summary><c>Tls:Bootstrap:CaValidity</c>: lifetime of a new CA. Default 3650 days (10 years).</summary>
    public TimeSpan CaValidity { get; init; } = TimeSpan.FromDays(3650);

    /// <summary>
    /// <c>Tls:Bootstrap:CertificateValidity</c>: lifetime of the serving certificate, re-issued in memory after two
    /// thirds of it (cert-manager's default renewBefore). Default 365 days.
    /// </summary>
    public TimeSpan CertificateValidity { get; init; } = TimeSpan.FromDays(365);

    /// <summary>
    /// <c>Tls:Bootstrap:RecheckInterval</c>: how often the caBundle is checked and patched again if someone
    /// changed it (a re-apply of the manifests, a restore). Default 5 minutes.
    /// </summary>
    public TimeSpan RecheckInterval { get; init; } = TimeSpan.FromMinutes(5);
}
