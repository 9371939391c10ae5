using System.Security.Cryptography.X509Certificates;

namespace Periscope.Webhook.Tls;

/// <summary>
/// The certificate Kestrel serves, swapped atomically: <see cref="Select"/> runs per TLS handshake
/// (Kestrel's <c>HttpsConnectionAdapterOptions.ServerCertificateSelector</c>), so a new certificate applies to
/// the next connection without a restart while open connections keep the one they negotiated.
/// </summary>
internal sealed class ServingCertificateStore : ICertificateStatus
{
    private volatile State _state = new(null, false, "no certificate loaded yet");

    public bool IsReady => _state.Ready;

    public string? Problem => _state.Problem;

    public DateTimeOffset? NotAfter => _state.Certificate is { } certificate ? new DateTimeOffset(certificate.NotAfter.ToUniversalTime()) : null;

    public X509Certificate2? Current => _state.Certificate;

    /// <summary>The handshake callback; null fails the handshake, which is right before any certificate exists.</summary>
    public X509Certificate2? Select() => _state.Certificate;

    /// <summary>
    /// Serves <paramref name="certificate"/> from the next handshake on. The old one is not disposed: a handshake
    /// in flight may still hold it, and the GC frees it.
    /// </summary>
    public void Serve(X509Certificate2 certificate, bool ready)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        _state = new State(certificate, ready, ready ? null : _state.Problem);
    }

    public void MarkReady() => _state = _state with { Ready = _state.Certificate is not null, Problem = null };

    /// <summary>Records why the host is not (or no longer fully) ready; the certificate being served stays.</summary>
    public void Report(string problem, bool ready) => _state = _state with { Ready = ready && _state.Certificate is not null, Problem = problem };

    private sealed record State(X509Certificate2? Certificate, bool Ready, string? Problem);
}
