using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator.Admission;

/// <summary>
/// POSTs an AdmissionReview over HTTPS the way kube-apiserver does: to clientConfig.url, or to
/// https://{service}.{namespace}.svc:{port}{path} (port default 443), trusting only clientConfig.caBundle
/// when one is given (the system roots otherwise) and checking the certificate's name against that host
/// (kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#contacting-the-webhook).
/// </summary>
internal static class WebhookCaller
{
    public static Uri Resolve(JsonObject? clientConfig, Func<string, string, int, Uri>? resolveService)
    {
        if (Json.Str(clientConfig?["url"]) is { Length: > 0 } url)
        {
            return new Uri(url);
        }

        if (clientConfig?["service"] is not JsonObject service)
        {
            throw new WebhookCallException("clientConfig has neither url nor service");
        }

        var ns = Json.Str(service["namespace"]) ?? "";
        var name = Json.Str(service["name"]) ?? "";
        var port = (int)(Json.Long(service["port"]) ?? 443);
        var path = Json.Str(service["path"]) ?? "/";
        var host = $"{name}.{ns}.svc";
        var target = resolveService?.Invoke(ns, name, port) ?? new Uri($"https://{host}:{port}");
        return new UriBuilder(target) { Path = path }.Uri;
    }

    public static async Task<JsonObject> PostAsync(Uri url, JsonObject? clientConfig, JsonObject review, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttps)
        {
            throw new WebhookCallException($"webhook requires https, got {url.Scheme}");
        }

        var trust = new X509Certificate2Collection();
        if (Json.Str(clientConfig?["caBundle"]) is { Length: > 0 } caBundle)
        {
            trust.ImportFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(caBundle)));
        }

        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusted(certificate, errors, trust),
            },
        };
        using var client = new HttpClient(handler) { Timeout = timeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(review) };
        if (clientConfig?["service"] is JsonObject service)
        {
            // The TLS name is the Service's DNS name even though the emulator dials a loopback port.
            request.Headers.Host = $"{Json.Str(service["name"])}.{Json.Str(service["namespace"])}.svc";
        }

        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new WebhookCallException($"the server responded with status {(int)response.StatusCode}");
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonNode.Parse(text) as JsonObject ?? throw new WebhookCallException("the response is not a JSON object");
    }

    private static bool Trusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection trust)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        if (trust.Count == 0)
        {
            return errors == SslPolicyErrors.None;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trust);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
