namespace Periscope.Webhook.Tls;

/// <summary>
/// Configuration section <c>Tls</c>: the serving certificate of every HTTPS endpoint of the webhook host.
/// Validated at start-up (<see cref="TlsOptionsValidator"/>).
/// </summary>
internal sealed record TlsOptions
{
    public const string Section = "Tls";

    /// <summary><c>Tls:Mode</c>: <c>Files</c> (default) or <c>Bootstrap</c>.</summary>
    public TlsMode Mode { get; init; } = TlsMode.Files;

    /// <summary>
    /// <c>Tls:CertificatePath</c>: PEM certificate (the leaf first; a chain may follow). Default
    /// <c>/etc/periscope/tls/tls.crt</c>, where the Deployment mounts cert-manager's Secret.
    /// </summary>
    public string CertificatePath { get; init; } = "/etc/periscope/tls/tls.crt";

    /// <summary><c>Tls:KeyPath</c>: PEM private key (PKCS#1, PKCS#8 or SEC1). Default <c>/etc/periscope/tls/tls.key</c>.</summary>
    public string KeyPath { get; init; } = "/etc/periscope/tls/tls.key";

    /// <summary>
    /// <c>Tls:ReloadInterval</c>: how often the files are re-read even without a file-system event (inotify can
    /// miss events, e.g. on some overlay and network file systems). Default 30 s.
    /// </summary>
    public TimeSpan ReloadInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Tls:Bootstrap:*</c>, read in <see cref="TlsMode.Bootstrap"/> mode only.</summary>
    public TlsBootstrapOptions Bootstrap { get; init; } = new();
}
