namespace Periscope.Webhook.Tls;

/// <summary>Where the webhook's serving certificate comes from (<c>Tls:Mode</c>).</summary>
internal enum TlsMode
{
    /// <summary>PEM files from a mounted Secret (cert-manager's tls.crt and tls.key), reloaded when they change.</summary>
    Files,

    /// <summary>A CA kept in a Secret and a serving certificate minted at start; the CA goes into the caBundle.</summary>
    Bootstrap,
}
