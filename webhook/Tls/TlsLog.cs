namespace Periscope.Webhook.Tls;

internal static partial class TlsLog
{
    [LoggerMessage(5300, LogLevel.Information, "Serving certificate {Subject} (serial {Serial}, expires {NotAfter:u}) from {CertificatePath}")]
    public static partial void CertificateLoaded(ILogger logger, string subject, string serial, DateTime notAfter, string certificatePath);

    [LoggerMessage(5301, LogLevel.Error, "The certificate pair {CertificatePath} / {KeyPath} cannot be served ({Error}); still serving {Serving}")]
    public static partial void CertificateRejected(ILogger logger, string certificatePath, string keyPath, string error, string serving);

    [LoggerMessage(5302, LogLevel.Warning, "Watching {Directory} for certificate changes failed ({Error}); relying on the {Interval} re-read")]
    public static partial void WatchFailed(ILogger logger, string directory, string error, TimeSpan interval);

    [LoggerMessage(5310, LogLevel.Information, "Created the webhook CA {Subject} in Secret {Namespace}/{Secret}")]
    public static partial void CaCreated(ILogger logger, string subject, string @namespace, string secret);

    [LoggerMessage(5311, LogLevel.Information, "Using the webhook CA {Subject} from Secret {Namespace}/{Secret}")]
    public static partial void CaLoaded(ILogger logger, string subject, string @namespace, string secret);

    [LoggerMessage(5312, LogLevel.Information, "Issued serving certificate for {Hosts} (expires {NotAfter:u})")]
    public static partial void CertificateIssued(ILogger logger, string hosts, DateTime notAfter);

    [LoggerMessage(5313, LogLevel.Information, "Patched the caBundle of {Count} webhooks in MutatingWebhookConfiguration {Name}")]
    public static partial void CaBundlePatched(ILogger logger, int count, string name);

    [LoggerMessage(5314, LogLevel.Debug, "The caBundle of MutatingWebhookConfiguration {Name} already holds the CA")]
    public static partial void CaBundleCurrent(ILogger logger, string name);

    [LoggerMessage(5315, LogLevel.Warning, "MutatingWebhookConfiguration {Name} changed while patching its caBundle (attempt {Attempt}); reading it again")]
    public static partial void CaBundleConflict(ILogger logger, string name, int attempt);

    [LoggerMessage(5316, LogLevel.Error, "TLS bootstrap failed ({Error}); retrying in {Delay}")]
    public static partial void BootstrapFailed(ILogger logger, string error, TimeSpan delay, Exception exception);
}
