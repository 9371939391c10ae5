using System.Diagnostics.Metrics;
using Periscope.Prometheus;

namespace Periscope.Webhook.Hosting;

internal static class HostingServiceCollectionExtensions
{
    /// <summary>The meter every webhook instrument is on.</summary>
    public const string MeterName = "Periscope.Webhook";

    /// <summary>
    /// The listeners (<see cref="WebhookKestrel"/>), readiness and the metrics collector; the HTTPS listener needs the
    /// services of <c>AddWebhookTls</c>.
    /// </summary>
    public static WebApplicationBuilder AddWebhookHosting(this WebApplicationBuilder builder)
    {
        var options = WebhookOptions.Read(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.WebHost.ConfigureKestrel(kestrel => WebhookKestrel.Configure(kestrel, options));
        builder.Services.AddSingleton<WebhookReadiness>();

        // Only this host's meters: tests run several hosts in one process.
        builder.Services.AddSingleton(provider =>
        {
            var meters = provider.GetRequiredService<IMeterFactory>();
            return new PrometheusCollector(new PrometheusCollectorOptions { MeterNames = [MeterName], MeterFilter = m => m.Scope == meters });
        });
        return builder;
    }
}
