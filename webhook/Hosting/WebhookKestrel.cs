using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Periscope.Webhook.Tls;

namespace Periscope.Webhook.Hosting;

/// <summary>
/// Two listeners: HTTPS on <see cref="WebhookOptions.Port"/> with the current certificate of <c>AddWebhookTls</c>
/// (chosen per handshake, so a rotated Secret needs no restart), and plain HTTP on <see cref="WebhookOptions.MetricsPort"/>
/// for probes and scrapes.
/// </summary>
internal static class WebhookKestrel
{
    public static void Configure(KestrelServerOptions kestrel, WebhookOptions options)
    {
        Listen(kestrel, options.ListenAddress, options.Port, https: true);
        Listen(kestrel, options.ListenAddress, options.MetricsPort, https: false);

        // kube-apiserver gives a webhook timeoutSeconds (5 s here, at most 30 s); a body trickling in slower than
        // that is no API server.
        kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 4096, gracePeriod: TimeSpan.FromSeconds(5));
        kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        kestrel.AddServerHeader = false;
    }

    private static void Listen(KestrelServerOptions kestrel, IPAddress? address, int port, bool https)
    {
        Action<ListenOptions> configure = https ? l => l.UseWebhookTls() : _ => { };
        if (address is null)
        {
            kestrel.ListenAnyIP(port, configure);
        }
        else
        {
            kestrel.Listen(address, port, configure);
        }
    }
}
