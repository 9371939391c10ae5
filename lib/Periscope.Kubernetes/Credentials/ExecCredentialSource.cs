using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Periscope.Kubernetes.Credentials;

/// <summary>
/// Runs a credential plugin the way client-go does (Kubernetes docs, "client-go credential plugins"):
/// the command with its args and extra env, KUBERNETES_EXEC_INFO holding an ExecCredential with
/// spec.interactive=false, stdout parsed as an ExecCredential whose status holds a token and/or
/// clientCertificateData/clientKeyData. The result is cached until status.expirationTimestamp and the
/// plugin runs again after it (or after a 401).
/// </summary>
internal sealed class ExecCredentialSource(ExecCredentialSettings settings, TimeProvider? time = null) : ICredentialSource, IDisposable
{
    private static readonly TimeSpan PluginTimeout = TimeSpan.FromMinutes(1);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Credential? _current;
    private DateTimeOffset? _expires;

    public Credential? Current => _current;

    public async ValueTask<Credential> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is null || (_expires is { } expires && _time.GetUtcNow() >= expires))
            {
                (_current, _expires) = await RunAsync(cancellationToken);
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Forgets the credential (the server refused it); the next use runs the plugin again. Lock-free: a
    /// refresh already in flight may store its new credential after this, which is as good.
    /// </summary>
    public void Invalidate() => Volatile.Write(ref _current, null);

    public void Dispose() => _gate.Dispose();

    private async Task<(Credential, DateTimeOffset?)> RunAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(settings.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = settings.WorkingDirectory ?? "",
        };
        foreach (var arg in settings.Args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in settings.Env)
        {
            start.Environment[name] = value;
        }

        start.Environment["KUBERNETES_EXEC_INFO"] =
            $$$"""{"apiVersion":"{{{settings.ApiVersion}}}","kind":"ExecCredential","spec":{"interactive":false}}""";

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PluginTimeout);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"exec credential plugin {settings.Command} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"exec credential plugin {settings.Command} exited with {process.ExitCode}: {(await stderr).Trim()}");
        }

        return Parse(await stdout);
    }

    private (Credential, DateTimeOffset?) Parse(string output)
    {
        JsonElement status;
        try
        {
            using var document = JsonDocument.Parse(output);
            if (!document.RootElement.TryGetProperty("status", out status))
            {
                throw new InvalidOperationException($"exec credential plugin {settings.Command}: the ExecCredential has no status.");
            }

            status = status.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"exec credential plugin {settings.Command} did not print an ExecCredential: {e.Message}", e);
        }

        var token = Text(status, "token");
        var certificate = Text(status, "clientCertificateData");
        var key = Text(status, "clientKeyData");
        X509Certificate2? clientCertificate = null;
        if (certificate is not null && key is not null)
        {
            clientCertificate = Configuration.PemCertificates.LoadClientCertificate(certificate, key);
        }
        else if (token is null)
        {
            throw new InvalidOperationException(
                $"exec credential plugin {settings.Command}: status has neither token nor clientCertificateData and clientKeyData.");
        }

        var expires = Text(status, "expirationTimestamp") is { } stamp ? DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : (DateTimeOffset?)null;
        return (new Credential(token, clientCertificate), expires);
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
