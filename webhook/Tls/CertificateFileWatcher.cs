using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Periscope.Webhook.Tls;

/// <summary>
/// <see cref="TlsMode.Files"/>: serves the PEM pair at <c>Tls:CertificatePath</c>/<c>Tls:KeyPath</c> and
/// serves a new one as soon as it is written.
/// </summary>
/// <remarks>
/// The kubelet updates a Secret volume by writing a new timestamped directory and renaming the <c>..data</c>
/// symlink onto it, so <c>tls.crt</c> and <c>tls.key</c> (symlinks through <c>..data</c>) change together
/// (kubernetes pkg/volume/util/atomic_writer.go). Files in the volume are never written in place, so the watcher
/// reacts to any event in the directory, not to the two names, and then compares contents. File-system events
/// can be lost (inotify queue overflow, some overlay and network file systems), so the files are also re-read
/// every <see cref="TlsOptions.ReloadInterval"/>. A pair that does not load (key of another certificate,
/// truncated PEM, expired) is logged and the previous certificate stays in service.
/// </remarks>
internal sealed class CertificateFileWatcher(
    IOptions<TlsOptions> options, ServingCertificateStore store, TimeProvider time, ILogger<CertificateFileWatcher> logger) : BackgroundService
{
    private readonly TlsOptions _options = options.Value;
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private string? _fingerprint;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Load before Kestrel accepts connections, so the first handshake already has a certificate.
        Reload();
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Reads both files and serves them when they changed and load; returns whether a new pair went into service.</summary>
    internal bool Reload()
    {
        byte[] certificatePem, keyPem;
        try
        {
            (certificatePem, keyPem) = CertificateFiles.Read(_options.CertificatePath, _options.KeyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Reject(e.Message);
            _fingerprint = null;
            return false;
        }

        var fingerprint = CertificateFiles.Fingerprint(certificatePem, keyPem);
        if (fingerprint == _fingerprint)
        {
            return false;
        }

        // Remembered for a bad pair too: the same bad bytes are not retried (and logged) every interval.
        _fingerprint = fingerprint;
        try
        {
            var certificate = CertificateFiles.Load(certificatePem, keyPem, time.GetUtcNow());
            store.Serve(certificate, ready: true);
            TlsLog.CertificateLoaded(logger, certificate.Subject, certificate.SerialNumber, certificate.NotAfter.ToUniversalTime(), _options.CertificatePath);
            return true;
        }
        catch (CryptographicException e)
        {
            Reject(e.Message);
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watchers = Watch();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await WaitForChangeAsync(stoppingToken);
                if (!stoppingToken.IsCancellationRequested)
                {
                    Reload();
                }
            }
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                watcher.Dispose();
            }
        }
    }

    private async Task WaitForChangeAsync(CancellationToken stoppingToken)
    {
        using var interval = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        interval.CancelAfter(_options.ReloadInterval);
        try
        {
            await _changes.Reader.ReadAsync(interval.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private List<FileSystemWatcher> Watch()
    {
        var directories = new[] { _options.CertificatePath, _options.KeyPath }
            .Select(path => Path.GetDirectoryName(Path.GetFullPath(path))!)
            .Distinct(StringComparer.Ordinal);
        var watchers = new List<FileSystemWatcher>();
        foreach (var directory in directories)
        {
            try
            {
                var watcher = new FileSystemWatcher(directory)
                {
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                };
                watcher.Changed += (_, _) => Signal();
                watcher.Created += (_, _) => Signal();
                watcher.Deleted += (_, _) => Signal();
                watcher.Renamed += (_, _) => Signal();
                watcher.Error += (_, e) =>
                {
                    TlsLog.WatchFailed(logger, directory, e.GetException().Message, _options.ReloadInterval);
                    Signal();
                };
                watcher.EnableRaisingEvents = true;
                watchers.Add(watcher);
            }
            catch (Exception e) when (e is ArgumentException or IOException or PlatformNotSupportedException)
            {
                TlsLog.WatchFailed(logger, directory, e.Message, _options.ReloadInterval);
            }
        }

        return watchers;
    }

    // A symlink swap raises several events; the bounded channel folds them into one pending reload.
    private void Signal() => _changes.Writer.TryWrite(true);

    private void Reject(string error)
    {
        var serving = store.Current is { } current ? $"{current.Subject} (serial {current.SerialNumber})" : "no certificate";
        TlsLog.CertificateRejected(logger, _options.CertificatePath, _options.KeyPath, error, serving);
        store.Report($"{_options.CertificatePath}: {error}", ready: store.Current is not null);
    }
}
