using Microsoft.Extensions.DependencyInjection.Extensions;
using Periscope.Kubernetes.Client;
using Periscope.Kubernetes.Configuration;

namespace Periscope.Functions.Hosting;

internal static class KubernetesClientServiceCollectionExtensions
{
    public const string Section = "Kubernetes";

    /// <summary>
    /// One <see cref="KubernetesClient"/> for the host, from section <c>Kubernetes</c> as in the webhook: an explicit
    /// server or kubeconfig, else in-cluster, else KUBECONFIG or ~/.kube/config (lib/Periscope.Kubernetes README).
    /// The configuration is resolved now, so a feature that needs the cluster fails start-up naming itself and
    /// what is missing instead of failing its first call; reaching the server is left to each call.
    /// </summary>
    /// <param name="requiredBy">The setting that asked for the cluster (<c>Alerts:UseKubernetes</c>), named in the error.</param>
    public static IServiceCollection AddKubernetesClient(this IServiceCollection services, IConfiguration configuration, string requiredBy)
    {
        KubernetesConnection connection;
        try
        {
            connection = KubernetesConfiguration.Resolve(configuration.GetSection(Section).Get<KubernetesClientOptions>());
        }
        catch (KubeConfigException exception)
        {
            throw new InvalidOperationException(
                $"{requiredBy} is true, but there is no usable Kubernetes configuration: {exception.Message} "
                + $"Set {Section}:Server (with {Section}:Token or {Section}:TokenFile, and {Section}:CertificateAuthorityFile) or {Section}:KubeConfigPath, or run in a cluster.",
                exception);
        }

        // What the host does with the API server's answers (store writes among them) must not run on a socket thread.
        services.TryAddSingleton(provider =>
            KubernetesClient.Create(connection, provider.GetService<ILogger<KubernetesClient>>(), handler => new OffSocketThreadHandler(handler)));
        return services;
    }
}
