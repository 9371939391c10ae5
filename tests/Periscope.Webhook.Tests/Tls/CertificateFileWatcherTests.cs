using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Periscope.Kubernetes.Emulator.Security;
using Periscope.Webhook.Tls;

namespace Periscope.Webhook.Tests.Tls;

public sealed class CertificateFileWatcherTests : IDisposable
{
    private const string Host = "periscope-webhook.periscope-system.svc";

    private readonly TestCertificateAuthority _authority = TestCertificateAuthority.Create("files-test-ca");
    private readonly SecretVolume _volume = new();

    [Fact]
    public async Task Handshake_SecretVolumeSwapped_ServesNewCertificateWithoutRestart()
    {
        var first = PemPair.Issue(_authority, Host);
        _volume.Write(first);

        // An hour between re-reads: only the file-system event can make the switch within the deadline.
        await using var host = await TlsTestHost.StartAsync(Settings(TimeSpan.FromHours(1)));
        Assert.True(host.Status.IsReady);
        Assert.Equal(first.Serial, (await TlsHandshake.ServerCertificateAsync(host.Port, Host)).SerialNumber);

        var second = PemPair.Issue(_authority, Host);
        _volume.Write(second);

        var served = await TlsHandshake.WaitForAsync(host.Port, Host, certificate => certificate.SerialNumber != first.Serial);
        Assert.Equal(second.Serial, served.SerialNumber);
        var trust = new X509Certificate2Collection(_authority.Certificate);
        Assert.Equal(second.Serial, (await TlsHandshake.ServerCertificateAsync(host.Port, Host, trust)).SerialNumber);
    }

    [Fact]
    public async Task Handshake_FilesRewrittenInPlace_ServesNewCertificateAtTheNextReread()
    {
        var first = PemPair.Issue(_authority, Host);
        _volume.Write(first);
        await using var host = await TlsTestHost.StartAsync(Settings(TimeSpan.FromMilliseconds(50)));

        // Written into the current ..data directory behind the symlinks, as a tool other than the kubelet might.
        var second = PemPair.Issue(_authority, Host);
        var data = Path.Combine(_volume.Directory, "..data");
        await File.WriteAllTextAsync(Path.Combine(data, "tls.key"), second.Key);
        await File.WriteAllTextAsync(Path.Combine(data, "tls.crt"), second.Certificate);

        var served = await TlsHandshake.WaitForAsync(host.Port, Host, certificate => certificate.SerialNumber == second.Serial);
        Assert.Equal(second.Serial, served.SerialNumber);
    }

    [Theory]
    [InlineData("mismatched-key")]
    [InlineData("truncated")]
    [InlineData("expired")]
    public void Reload_BadPair_KeepsServingThePreviousCertificate(string fault)
    {
        var first = PemPair.Issue(_authority, Host);
        _volume.Write(first);
        var (watcher, store) = Watcher();
        Assert.True(watcher.Reload());

        var other = PemPair.Issue(_authority, Host);
        var (certificate, key) = fault switch
        {
            "mismatched-key" => (other.Certificate, first.Key),
            "truncated" => (other.Certificate[..(other.Certificate.Length / 2)], other.Key),
            _ => (other.Certificate, other.Key),
        };
        _volume.Write(certificate, key);
        var loaded = fault == "expired" ? Watcher(new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(5)), store).Watcher.Reload() : watcher.Reload();

        Assert.False(loaded);
        Assert.Equal(first.Serial, store.Current!.SerialNumber);
        Assert.True(store.IsReady);
        Assert.NotNull(store.Problem);
    }

    [Fact]
    public void Reload_NoFiles_NotReadyWithTheReason()
    {
        var (watcher, store) = Watcher();

        Assert.False(watcher.Reload());

        Assert.False(store.IsReady);
        Assert.Null(store.Current);
        Assert.Contains("tls.crt", store.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_SamePairAgain_LoadsOnlyOnce()
    {
        _volume.Write(PemPair.Issue(_authority, Host));
        var (watcher, _) = Watcher();

        Assert.True(watcher.Reload());
        Assert.False(watcher.Reload());
    }

    public void Dispose()
    {
        _volume.Dispose();
        _authority.Dispose();
    }

    private Dictionary<string, string?> Settings(TimeSpan reloadInterval) => new()
    {
        ["Tls:Mode"] = "Files",
        ["Tls:CertificatePath"] = _volume.CertificatePath,
        ["Tls:KeyPath"] = _volume.KeyPath,
        ["Tls:ReloadInterval"] = reloadInterval.ToString("c"),
    };

    private (CertificateFileWatcher Watcher, ServingCertificateStore Store) Watcher(TimeProvider? time = null, ServingCertificateStore? store = null)
    {
        store ??= new ServingCertificateStore();
        var options = Options.Create(new TlsOptions { CertificatePath = _volume.CertificatePath, KeyPath = _volume.KeyPath });
        return (new CertificateFileWatcher(options, store, time ?? System.TimeProvider.System, NullLogger<CertificateFileWatcher>.Instance), store);
    }
}
