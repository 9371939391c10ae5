using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Kubernetes.Emulator.Security;

namespace Periscope.Webhook.Tests.Hosting;

/// <summary>
/// The webhook host built as Program.cs builds it (<see cref="WebhookApplication"/>), HTTPS and plain HTTP on loopback
/// ports Kestrel picks, serving a certificate from a throwaway CA through PEM files (Tls:CertificatePath/KeyPath), as
/// a cert-manager Secret mount would.
/// </summary>
internal sealed class WebhookTestServer : IAsyncDisposable
{
    /// <summary>The Service name kube-apiserver dials (clientConfig.service), on the serving certificate.</summary>
    public const string ServiceHost = "periscope-webhook.periscope-system.svc";

    private readonly DirectoryInfo _folder;

    private WebhookTestServer(WebApplication app, TestCertificateAuthority authority, DirectoryInfo folder)
    {
        App = app;
        Authority = authority;
        _folder = folder;
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        HttpsAddress = new Uri(addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)));
        HttpAddress = new Uri(addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)));
    }

    public WebApplication App { get; }

    public TestCertificateAuthority Authority { get; }

    /// <summary>The HTTPS listener (/mutate).</summary>
    public Uri HttpsAddress { get; }

    /// <summary>The plain-HTTP listener (/metrics, /healthz, /readyz).</summary>
    public Uri HttpAddress { get; }

    /// <summary>Starts a host with <paramref name="settings"/> (<c>--Section:Key=value</c>); the cluster is 1.30 unless they say otherwise.</summary>
    public static async Task<WebhookTestServer> StartAsync(IEnumerable<string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var folder = Directory.CreateTempSubdirectory("periscope-webhook-");
        var authority = TestCertificateAuthority.Create("periscope-webhook-test-ca");
        using (var certificate = authority.IssueServerCertificate("127.0.0.1", "localhost", ServiceHost))
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "tls.crt"), certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "tls.key"), certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        }

        var given = settings?.ToList() ?? [];
        var app = WebhookApplication.Build(
        [
            "--Webhook:Port=0",
            "--Webhook:MetricsPort=0",
            "--Webhook:ListenAddress=127.0.0.1",
            $"--Tls:CertificatePath={Path.Combine(folder.FullName, "tls.crt")}",
            $"--Tls:KeyPath={Path.Combine(folder.FullName, "tls.key")}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Periscope.Webhook.Admission=Error",
            "--Injection:CatalogUrl=http://catalog.periscope.svc:7071",
            .. given.Any(s => s.Contains("ClusterMinorVersion", StringComparison.Ordinal) || s.Contains("Kubernetes:", StringComparison.Ordinal))
                ? Array.Empty<string>()
                : ["--Injection:ClusterMinorVersion=30"],
            .. given,
        ], services);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            authority.Dispose();
            folder.Delete(recursive: true);
            throw;
        }

        return new WebhookTestServer(app, authority, folder);
    }

    /// <summary>A client for the HTTPS port that trusts only the test CA, keeping connections alive as kube-apiserver does.</summary>
    public HttpClient CreateHttpsClient()
    {
        var trust = new X509Certificate2Collection(Authority.Certificate);
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.AddRange(trust);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                    return chain.Build(leaf);
                },
            },
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = HttpsAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>POSTs <paramref name="body"/> to /mutate as kube-apiserver does.</summary>
    public static async Task<(int Status, string ContentType, string Body)> PostAsync(HttpClient client, string body, string? contentType = "application/json")
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await client.PostAsync("/mutate", content);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync());
    }

    /// <summary>POSTs a review that must be answered 200 with an AdmissionReview; returns its <c>response</c>.</summary>
    public static async Task<JsonObject> ReviewAsync(HttpClient client, JsonObject review)
    {
        var (status, _, body) = await PostAsync(client, review.ToJsonString());
        Assert.True(status == 200, $"expected 200, got {status}: {body}");
        var answer = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("admission.k8s.io/v1", answer["apiVersion"]!.GetValue<string>());
        Assert.Equal("AdmissionReview", answer["kind"]!.GetValue<string>());
        return answer["response"]!.AsObject();
    }

    /// <summary>The patch a response carries, decoded (base64 → RFC 6902 array), or null.</summary>
    public static JsonArray? Patch(JsonObject response) =>
        response["patch"] is { } patch ? JsonNode.Parse(Convert.FromBase64String(patch.GetValue<string>()))!.AsArray() : null;

    public async Task<string> MetricsAsync()
    {
        using var client = CreateHttpClient();
        return await client.GetStringAsync("/metrics");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Authority.Dispose();
        _folder.Delete(recursive: true);
    }
}
