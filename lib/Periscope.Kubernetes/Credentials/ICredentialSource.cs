namespace Periscope.Kubernetes.Credentials;

/// <summary>Supplies the current credential; sources that can expire refresh themselves.</summary>
internal interface ICredentialSource
{
    ValueTask<Credential> GetAsync(CancellationToken cancellationToken);

    /// <summary>The last credential fetched, for the TLS handshake (which cannot await).</summary>
    Credential? Current { get; }

    /// <summary>The server answered 401: forget the cached credential so the next call fetches a new one.</summary>
    void Invalidate();
}
