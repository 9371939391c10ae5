using Periscope.Kubernetes.Credentials;

namespace Periscope.Kubernetes.Configuration;

/// <summary>
/// Picks the configuration, in this order:
/// 1. explicit options: <see cref="KubernetesClientOptions.Server"/>, else <see cref="KubernetesClientOptions.KubeConfigPath"/>;
/// 2. in-cluster, when KUBERNETES_SERVICE_HOST is set and KUBECONFIG is not;
/// 3. the files of KUBECONFIG (colon-separated), merged;
/// 4. ~/.kube/config.
/// client-go's clientcmd prefers KUBECONFIG over in-cluster as well; a pod that sets KUBECONFIG means it.
/// </summary>
internal static class KubernetesConfiguration
{
    public static KubernetesConnection Resolve(KubernetesClientOptions? options = null, ConfigurationEnvironment? environment = null)
    {
        options ??= new KubernetesClientOptions();
        environment ??= ConfigurationEnvironment.Process;
        var connection = ResolveUnscoped(options, environment);
        return options.Namespace is { Length: > 0 } ns ? connection with { Namespace = ns } : connection;
    }

    private static KubernetesConnection ResolveUnscoped(KubernetesClientOptions options, ConfigurationEnvironment environment)
    {
        if (options.Server is { } server)
        {
            return Explicit(server, options);
        }

        if (options.KubeConfigPath is { Length: > 0 } path)
        {
            if (!File.Exists(path))
            {
                throw new KubeConfigException($"{Path.GetFullPath(path)}: the kubeconfig file does not exist.");
            }

            return KubeConfig.Load([path]).ToConnection(options.Context);
        }

        var kubeconfig = environment.GetVariable("KUBECONFIG");
        if (string.IsNullOrEmpty(kubeconfig) && !string.IsNullOrEmpty(environment.GetVariable("KUBERNETES_SERVICE_HOST")))
        {
            return InCluster(environment);
        }

        var files = string.IsNullOrEmpty(kubeconfig)
            ? [Path.Combine(environment.HomeDirectory, ".kube", "config")]
            : kubeconfig.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var config = KubeConfig.Load(files);
        if (config.Files.Count == 0)
        {
            throw new KubeConfigException(
                $"No Kubernetes configuration: not in a cluster (KUBERNETES_SERVICE_HOST unset) and no kubeconfig file among {string.Join(", ", files)}.");
        }

        return config.ToConnection(options.Context);
    }

    /// <summary>In-cluster configuration (Kubernetes docs, "Accessing the Kubernetes API from a Pod").</summary>
    public static KubernetesConnection InCluster(ConfigurationEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var host = environment.GetVariable("KUBERNETES_SERVICE_HOST")
            ?? throw new KubeConfigException("In-cluster configuration: KUBERNETES_SERVICE_HOST is not set.");
        var port = environment.GetVariable("KUBERNETES_SERVICE_PORT") is { Length: > 0 } p ? p : "443";
        if (host.Contains(':', StringComparison.Ordinal))
        {
            host = $"[{host}]";
        }

        var paths = environment.InClusterPaths;
        if (!File.Exists(paths.TokenFile))
        {
            throw new KubeConfigException($"In-cluster configuration: the service-account token {paths.TokenFile} does not exist.");
        }

        var authorities = File.Exists(paths.CertificateAuthorityFile)
            ? LoadAuthorities(paths.CertificateAuthorityFile)
            : throw new KubeConfigException($"In-cluster configuration: the CA bundle {paths.CertificateAuthorityFile} does not exist.");
        var ns = File.Exists(paths.NamespaceFile) ? File.ReadAllText(paths.NamespaceFile).Trim() : "default";
        return new KubernetesConnection(
            new Uri($"https://{host}:{port}"),
            ns.Length == 0 ? "default" : ns,
            new TokenFileCredentialSource(paths.TokenFile),
            authorities,
            InsecureSkipTlsVerify: false,
            TlsServerName: null,
            $"in-cluster service account ({paths.TokenFile})");
    }

    private static KubernetesConnection Explicit(Uri server, KubernetesClientOptions options)
    {
        ICredentialSource? credentials = options.TokenFile is { Length: > 0 } tokenFile
            ? new TokenFileCredentialSource(tokenFile)
            : options.Token is { Length: > 0 } token ? new StaticCredentialSource(new Credential(token, null)) : null;
        var authorities = options.CertificateAuthorityFile is { Length: > 0 } ca ? LoadAuthorities(ca) : null;
        return new KubernetesConnection(server, "default", credentials, authorities, options.InsecureSkipTlsVerify, null, "explicit options");
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2Collection LoadAuthorities(string file)
    {
        try
        {
            return PemCertificates.LoadBundle(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw new KubeConfigException($"{file}: not a PEM CA bundle: {e.Message}", e);
        }
    }
}
