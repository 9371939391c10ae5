using Periscope.Webhook.Injection;

namespace Periscope.Webhook.Configuration;

/// <summary>
/// The options every review uses: those read at start, then with the cluster's minor version once
/// <see cref="ClusterVersionProbe"/> has it. A reference swap, so reviews never lock.
/// </summary>
internal sealed class InjectionOptionsSource(InjectionOptions initial)
{
    private volatile InjectionOptions _current = initial;

    public InjectionOptions Current => _current;

    public void SetClusterMinorVersion(int minor) => _current = _current with { ClusterMinorVersion = minor };
}
