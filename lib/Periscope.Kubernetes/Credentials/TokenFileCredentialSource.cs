namespace Periscope.Kubernetes.Credentials;

/// <summary>
/// A token read from a file and read again whenever the file changes. Projected service-account
/// tokens are rotated by the kubelet (Kubernetes docs, "Bound service account tokens"), so a token
/// read once at start-up stops working after about an hour.
/// </summary>
internal sealed class TokenFileCredentialSource(string path) : ICredentialSource
{
    private readonly Lock _gate = new();
    private Credential? _current;
    private DateTime _stamp;
    private long _length = -1;

    public Credential? Current => _current;

    public ValueTask<Credential> GetAsync(CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"The token file {path} does not exist.", path);
        }

        lock (_gate)
        {
            if (_current is null || info.LastWriteTimeUtc != _stamp || info.Length != _length)
            {
                var token = File.ReadAllText(path).Trim();
                _current = new Credential(token, null);
                _stamp = info.LastWriteTimeUtc;
                _length = info.Length;
            }

            return ValueTask.FromResult(_current);
        }
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _current = null;
        }
    }
}
