namespace Periscope.Kubernetes.Credentials;

/// <summary>A token and/or client certificate given once (kubeconfig token, client-certificate-data).</summary>
internal sealed class StaticCredentialSource(Credential credential) : ICredentialSource
{
    public Credential? Current => credential;

    public ValueTask<Credential> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credential);

    public void Invalidate()
    {
    }
}
