using Periscope.Webhook.Tls;

namespace Periscope.Webhook.Hosting;

/// <summary>
/// Ready when Kestrel has started (the HTTPS listener is bound) and <see cref="ICertificateStatus"/> says a certificate
/// kube-apiserver trusts is served; until then, and once stopping, the Service must not send reviews here.
/// </summary>
internal sealed class WebhookReadiness(IHostApplicationLifetime lifetime, ICertificateStatus certificate)
{
    public (bool Ready, string Detail) Check()
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return (false, "starting: the HTTPS listener is not up yet");
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return (false, "stopping");
        }

        return certificate.IsReady ? (true, "ok") : (false, "no trusted serving certificate yet: " + (certificate.Problem ?? "loading"));
    }
}
