using Microsoft.Extensions.Options;
using Periscope.Kubernetes.Client;

namespace Periscope.Webhook.Tls;

/// <summary>
/// <see cref="TlsMode.Bootstrap"/>: a CA and a serving certificate without cert-manager, and the CA in the
/// caBundle of the webhook's MutatingWebhookConfiguration, the way Istio's and Kyverno's webhooks manage their
/// own certificates. Each pass:
/// 1. reads the CA from the shared Secret, creating it if absent (<see cref="CaSecret"/>);
/// 2. issues a serving certificate for the Service's DNS names in memory when there is none, the CA changed, or
///    two thirds of its lifetime passed, and serves it from the next handshake on;
/// 3. patches every webhook's caBundle that differs (<see cref="CaBundlePatcher"/>); only then is the host ready.
/// A failed pass is retried with backoff (1 s doubling to 30 s); a good one is repeated every
/// <see cref="TlsBootstrapOptions.RecheckInterval"/>, which repairs a caBundle reset by a re-apply.
/// </summary>
internal sealed class CertificateBootstrapper(
    KubernetesClient client,
    IOptions<TlsOptions> options,
    ServingCertificateStore store,
    TimeProvider time,
    ILogger<CertificateBootstrapper> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private readonly TlsBootstrapOptions _options = options.Value.Bootstrap;
    private WebhookCertificateAuthority? _authority;
    private DateTimeOffset _renewAt;

    /// <summary>The DNS names kube-apiserver may use for the Service (it calls {service}.{namespace}.svc).</summary>
    public static IReadOnlyList<string> Hosts(string service, string ns) =>
        [$"{service}.{ns}.svc", $"{service}.{ns}.svc.cluster.local", $"{service}.{ns}", service];

    /// <summary>One pass of steps 1–3; throws when one fails.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var ns = string.IsNullOrEmpty(_options.Namespace) ? client.DefaultNamespace : _options.Namespace;

        // 1.
        var authority = await new CaSecret(client, time, logger).GetOrCreateAsync(ns, _options.CaSecretName, _options.CaValidity, cancellationToken);
        var caChanged = _authority is null || !_authority.IsSameAs(authority.CertificatePem);
        if (caChanged)
        {
            _authority?.Dispose();
            _authority = authority;
        }
        else
        {
            authority.Dispose();
        }

        // 2.
        var now = time.GetUtcNow();
        if (caChanged || store.Current is null || now >= _renewAt)
        {
            var hosts = Hosts(_options.ServiceName, ns);
            var certificate = _authority!.Issue(hosts, now, _options.CertificateValidity);
            store.Serve(certificate, ready: store.IsReady && !caChanged);
            _renewAt = now + (_options.CertificateValidity * 2 / 3);
            TlsLog.CertificateIssued(logger, string.Join(", ", hosts), certificate.NotAfter.ToUniversalTime());
        }

        // 3.
        await new CaBundlePatcher(client, logger).EnsureAsync(_options.WebhookConfigurationName, _authority!.CertificatePem, cancellationToken);
        store.MarkReady();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                await RunOnceAsync(stoppingToken);
                retry = FirstRetry;
                var untilRenewal = _renewAt - time.GetUtcNow();
                delay = untilRenewal < _options.RecheckInterval ? untilRenewal : _options.RecheckInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or InvalidOperationException
                or IOException or OperationCanceledException or System.Security.Cryptography.CryptographicException)
            {
                // A replica that was ready keeps serving: kube-apiserver still trusts the caBundle it patched.
                store.Report(e.Message, ready: store.IsReady);
                TlsLog.BootstrapFailed(logger, e.Message, retry, e);
                delay = retry;
                retry = retry * 2 < LastRetry ? retry * 2 : LastRetry;
            }

            try
            {
                await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        _authority?.Dispose();
        base.Dispose();
    }
}
