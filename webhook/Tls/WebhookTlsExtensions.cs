using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Periscope.Kubernetes.Client;
using Periscope.Kubernetes.Configuration;

namespace Periscope.Webhook.Tls;

internal static class WebhookTlsExtensions
{
    /// <summary>
    /// The webhook's serving certificate (section <c>Tls</c>, validated at start-up): every Kestrel HTTPS endpoint
    /// set up with <c>UseHttps()</c> after this call, or with <see cref="UseWebhookTls"/> anywhere, picks the
    /// current certificate per handshake. <see cref="ICertificateStatus"/> tells readiness.
    /// <see cref="TlsMode.Files"/> watches the mounted PEM pair; <see cref="TlsMode.Bootstrap"/> runs
    /// <see cref="CertificateBootstrapper"/> with a Kubernetes client from section <c>Kubernetes</c> (or the
    /// in-cluster configuration) unless one is registered already.
    /// </summary>
    public static WebApplicationBuilder AddWebhookTls(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TlsOptions.Section);
        var services = builder.Services;
        services.AddOptions<TlsOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TlsOptions>, TlsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ServingCertificateStore>();
        services.AddSingleton<ICertificateStatus>(provider => provider.GetRequiredService<ServingCertificateStore>());

        // The slim builder leaves out Kestrel's HTTPS configuration services that UseHttps() needs.
        builder.WebHost.UseKestrelHttpsConfiguration();
        services.AddOptions<KestrelServerOptions>().Configure<ServingCertificateStore>((kestrel, store) =>
            kestrel.ConfigureHttpsDefaults(https => https.ServerCertificateSelector = (_, _) => store.Select()));

        if (section.GetValue<TlsMode?>(nameof(TlsOptions.Mode)) == TlsMode.Bootstrap)
        {
            var kubernetes = builder.Configuration.GetSection("Kubernetes");
            services.TryAddSingleton(provider => KubernetesClient.Create(
                KubernetesConfiguration.Resolve(kubernetes.Get<KubernetesClientOptions>()),
                provider.GetService<ILogger<KubernetesClient>>()));
            services.AddHostedService<CertificateBootstrapper>();
        }
        else
        {
            services.AddHostedService<CertificateFileWatcher>();
        }

        return builder;
    }

    /// <summary>HTTPS on this endpoint with the webhook's current certificate, whatever the order of configuration.</summary>
    public static ListenOptions UseWebhookTls(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        var store = listen.ApplicationServices.GetRequiredService<ServingCertificateStore>();
        return listen.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificateSelector = (_, _) => store.Select() });
    }
}
