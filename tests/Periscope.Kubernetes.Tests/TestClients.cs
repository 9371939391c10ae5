using Periscope.Kubernetes.Client;

namespace Periscope.Kubernetes.Tests;

internal static class TestClients
{
    public static KubernetesClient For(FakeApiServer server)
        => new(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, server.Address);
}
