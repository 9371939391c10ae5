using System.Net;
using System.Text.Json.Nodes;

namespace Periscope.Kubernetes.Emulator.Tests;

public sealed class KubernetesApiEmulatorTests
{
    [Fact]
    public async Task StartAsync_Default_ServesHttpsOnLoopbackTrustedThroughItsCa()
    {
        await using var session = await EmulatorSession.StartAsync(new KubernetesApiEmulatorOptions { GitVersion = "v1.28.4" });

        var (status, body) = await session.GetAsync("/version");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("https", session.Emulator.BaseAddress.Scheme);
        Assert.Equal("127.0.0.1", session.Emulator.BaseAddress.Host);
        Assert.Equal("v1.28.4", (string?)body!["gitVersion"]);
        Assert.Equal("1", (string?)body["major"]);
        Assert.Equal("28", (string?)body["minor"]);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", session.Emulator.CertificateAuthorityPem, StringComparison.Ordinal);
        Assert.Null(session.Emulator.HttpBaseAddress);
    }

    [Fact]
    public async Task StartAsync_ClientWithoutTheCa_FailsTls()
    {
        await using var session = await EmulatorSession.StartAsync();
        using var untrusting = new HttpClient { BaseAddress = session.Emulator.BaseAddress };

        await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetAsync("/version"));
    }

    [Fact]
    public async Task StartAsync_EnableHttp_AlsoServesPlainHttp()
    {
        await using var session = await EmulatorSession.StartAsync(new KubernetesApiEmulatorOptions { EnableHttp = true });
        using var plain = new HttpClient { BaseAddress = session.Emulator.HttpBaseAddress };

        var namespaces = JsonNode.Parse(await plain.GetStringAsync("/api/v1/namespaces"))!;

        Assert.Equal("http", session.Emulator.HttpBaseAddress!.Scheme);
        Assert.Equal(
            "default,kube-node-lease,kube-public,kube-system",
            string.Join(',', namespaces["items"]!.AsArray().Select(i => (string?)i!["metadata"]!["name"])));
    }

    [Fact]
    public async Task BearerToken_WrongOrMissing_Returns401Status()
    {
        await using var session = await EmulatorSession.StartAsync(new KubernetesApiEmulatorOptions { BearerToken = "s3cret", EnableHttp = true });
        using var anonymous = new HttpClient { BaseAddress = session.Emulator.HttpBaseAddress };
        using var wrong = new HttpClient { BaseAddress = session.Emulator.HttpBaseAddress };
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", "nope");

        var denied = await anonymous.GetAsync("/api/v1/pods");
        var deniedWrong = await wrong.GetAsync("/api/v1/pods");
        var (allowed, _) = await session.GetAsync("/api/v1/pods");

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, deniedWrong.StatusCode);
        StatusAssert.Failure(HttpStatusCode.Unauthorized, "Unauthorized", (denied.StatusCode, JsonNode.Parse(await denied.Content.ReadAsStringAsync())));
        Assert.Equal(HttpStatusCode.OK, allowed);
    }

    [Fact]
    public async Task StartAsync_BadGitVersion_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { GitVersion = "1.30" }));
    }

    [Fact]
    public async Task CurrentResourceVersion_AfterCreate_Increases()
    {
        await using var session = await EmulatorSession.StartAsync();
        var before = long.Parse(session.Emulator.CurrentResourceVersion);

        var created = await session.CreateNamespaceAsync("team-a");

        Assert.Equal(before + 1, long.Parse(session.Emulator.CurrentResourceVersion));
        Assert.Equal(session.Emulator.CurrentResourceVersion, (string?)created["metadata"]!["resourceVersion"]);
    }
}
