using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Webhook;

namespace Periscope.Bench.Admission;

/// <summary>
/// The real host (WebhookApplication) on loopback HTTPS with a self-signed certificate, called by HttpClient over
/// kept-alive connections as kube-apiserver calls it: one caller in sequence (latency), then several at once (throughput).
/// </summary>
internal static class HttpsBench
{
    public static async Task<(Latencies Sequential, Latencies Concurrent)> RunAsync(IReadOnlyList<byte[]> reviews, int requests, int concurrency)
    {
        var folder = Directory.CreateTempSubdirectory("periscope-admission-bench-");
        try
        {
            using var certificate = SelfSigned();
            var certPath = Path.Combine(folder.FullName, "tls.crt");
            var keyPath = Path.Combine(folder.FullName, "tls.key");
            await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(keyPath, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
            await using var app = WebhookApplication.Build(
            [
                "--Webhook:Port=0", "--Webhook:MetricsPort=0", "--Webhook:ListenAddress=127.0.0.1",
                $"--Tls:CertificatePath={certPath}", $"--Tls:KeyPath={keyPath}",
                "--Injection:ClusterMinorVersion=30", "--Logging:LogLevel:Default=Warning",
            ]);
            await app.StartAsync();
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
                .Single(a => a.StartsWith("https://", StringComparison.Ordinal)));
            var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
            using var client = new HttpClient(new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = (_, c, _, _) => c is X509Certificate2 x && x.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint,
                },
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            }) { BaseAddress = address };

            for (var i = 0; i < Math.Min(requests, 2000); i++)
            {
                await PostAsync(client, reviews[i % reviews.Count]);
            }

            var sequential = new Latencies("HTTPS loopback, 1 caller, keep-alive", requests);
            var wall = Stopwatch.StartNew();
            for (var i = 0; i < requests; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await PostAsync(client, reviews[i % reviews.Count]);
                sequential.Add(started);
            }

            sequential.Wall = wall.Elapsed;

            var concurrent = new Latencies($"HTTPS loopback, {concurrency} callers, keep-alive", requests);
            var next = -1;
            wall.Restart();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) < requests)
                {
                    var started = Stopwatch.GetTimestamp();
                    await PostAsync(client, reviews[next % reviews.Count]);
                    lock (concurrent)
                    {
                        concurrent.Add(started);
                    }
                }
            }));
            concurrent.Wall = wall.Elapsed;
            await app.StopAsync();
            return (sequential, concurrent);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task PostAsync(HttpClient client, byte[] review)
    {
        using var content = new ByteArrayContent(review);
        content.Headers.ContentType = new("application/json");
        using var response = await client.PostAsync("/mutate", content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"/mutate answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        await response.Content.ReadAsByteArrayAsync();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
