using System.Net;

namespace Periscope.Webhook.Tests.Hosting;

public sealed class WebhookReadinessTests
{
    [Fact]
    public async Task Readyz_NoCertificateFiles_ServiceUnavailableNamingTheFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"periscope-missing-{Guid.NewGuid():N}", "tls.crt");
        await using var server = await WebhookTestServer.StartAsync([$"--Tls:CertificatePath={missing}"]);
        using var plain = server.CreateHttpClient();

        using var ready = await plain.GetAsync("/readyz");
        var health = await plain.GetStringAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains(missing, await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("ok\n", health);
    }
}
