using System.Security.Cryptography;
using System.Text;
using Periscope.Kubernetes.Client;
using Periscope.Kubernetes.Resources;

namespace Periscope.Webhook.Tls;

/// <summary>
/// The Bootstrap CA shared by every replica through one Secret, create-if-absent: the first replica to start
/// creates it, a replica that loses the race gets 409 AlreadyExists and reads the winner's. So the caBundle holds
/// one CA that every replica's serving certificate chains to, without cert-manager and without a leader.
/// </summary>
/// <remarks>
/// The Secret is type kubernetes.io/tls with tls.crt and tls.key, the layout a cert-manager CA Issuer reads, so an
/// operator can also place their own CA there before the first start (kubernetes.io/docs/concepts/configuration/secret/#tls-secrets).
/// </remarks>
internal sealed class CaSecret(KubernetesClient client, TimeProvider time, ILogger logger)
{
    private const string CertificateKey = "tls.crt";
    private const string PrivateKeyKey = "tls.key";

    public async Task<WebhookCertificateAuthority> GetOrCreateAsync(string ns, string name, TimeSpan validity, CancellationToken cancellationToken)
    {
        var secret = await client.TryGetAsync(KubernetesResources.Secrets, name, ns, cancellationToken);
        if (secret is null)
        {
            var created = WebhookCertificateAuthority.Create($"periscope-webhook-ca.{ns}", time.GetUtcNow(), validity);
            try
            {
                await client.CreateAsync(KubernetesResources.Secrets, ToSecret(created, ns, name), ns, cancellationToken: cancellationToken);
                TlsLog.CaCreated(logger, created.Certificate.Subject, ns, name);
                return created;
            }
            catch (KubernetesApiException e) when (e.IsAlreadyExists)
            {
                created.Dispose();
                secret = await client.GetAsync(KubernetesResources.Secrets, name, ns, cancellationToken);
            }
        }

        var authority = FromSecret(secret, ns, name);
        TlsLog.CaLoaded(logger, authority.Certificate.Subject, ns, name);
        return authority;
    }

    private WebhookCertificateAuthority FromSecret(Secret secret, string ns, string name)
    {
        if (secret.Data?.GetValueOrDefault(CertificateKey) is not { Length: > 0 } certificate
            || secret.Data?.GetValueOrDefault(PrivateKeyKey) is not { Length: > 0 } key)
        {
            throw new InvalidOperationException($"Secret {ns}/{name} lacks {CertificateKey} or {PrivateKeyKey}; delete it to have a new CA created.");
        }

        try
        {
            return WebhookCertificateAuthority.FromPem(Encoding.ASCII.GetString(certificate), Encoding.ASCII.GetString(key), time.GetUtcNow());
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"Secret {ns}/{name} does not hold a usable CA ({e.Message}); delete it to have a new CA created.", e);
        }
    }

    private static Secret ToSecret(WebhookCertificateAuthority authority, string ns, string name) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = ns,
            Labels = new Dictionary<string, string>
            {
                ["app.kubernetes.io/name"] = "periscope-webhook",
                ["app.kubernetes.io/component"] = "webhook-ca",
                ["app.kubernetes.io/managed-by"] = "periscope-webhook",
            },
        },
        Type = "kubernetes.io/tls",
        Data = new Dictionary<string, byte[]>
        {
            [CertificateKey] = Encoding.ASCII.GetBytes(authority.CertificatePem),
            [PrivateKeyKey] = Encoding.ASCII.GetBytes(authority.KeyPem),
        },
    };
}
