using Periscope.Kubernetes.Configuration;

namespace Periscope.Kubernetes.Tests.Configuration;

public sealed class KubernetesConfigurationTests
{
    private static string KubeConfig(string server) => $"""
        apiVersion: v1
        kind: Config
        current-context: ctx
        clusters:
        - name: c
          cluster:
            server: {server}
        contexts:
        - name: ctx
          context:
            cluster: c
            namespace: from-kubeconfig
        """;

    private static ConfigurationEnvironment Environment(TempDirectory dir, Dictionary<string, string> variables)
        => new(name => variables.GetValueOrDefault(name), Path.Combine(dir.Path, "home"), InClusterPaths.FromDirectory(Path.Combine(dir.Path, "sa")));

    private static void WriteServiceAccount(TempDirectory dir, string token, string? ns = "kube-system")
    {
        dir.Write("sa/token", token);
        dir.Write("sa/ca.crt", SharedCertificates.Pem);
        if (ns is not null)
        {
            dir.Write("sa/namespace", ns);
        }
    }

    [Fact]
    public void Resolve_ExplicitServer_WinsOverInClusterAndKubeconfig()
    {
        using var dir = new TempDirectory();
        WriteServiceAccount(dir, "sa-token");
        var kubeconfig = dir.Write("kc", KubeConfig("https://kubeconfig:6443"));
        var environment = Environment(dir, new() { ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1", ["KUBECONFIG"] = kubeconfig });

        var connection = KubernetesConfiguration.Resolve(new KubernetesClientOptions { Server = new Uri("https://explicit:1234"), Token = "t" }, environment);

        Assert.Equal("explicit", connection.Server.Host);
        Assert.Equal("explicit options", connection.Source);
    }

    [Fact]
    public void Resolve_ExplicitKubeConfigPath_IgnoresKubeconfigVariableAndInCluster()
    {
        using var dir = new TempDirectory();
        WriteServiceAccount(dir, "sa-token");
        var chosen = dir.Write("chosen", KubeConfig("https://chosen:6443"));
        var ignored = dir.Write("ignored", KubeConfig("https://ignored:6443"));
        var environment = Environment(dir, new() { ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1", ["KUBECONFIG"] = ignored });

        var connection = KubernetesConfiguration.Resolve(new KubernetesClientOptions { KubeConfigPath = chosen, Namespace = "override" }, environment);

        Assert.Equal("chosen", connection.Server.Host);
        Assert.Equal("override", connection.Namespace);
    }

    [Fact]
    public async Task Resolve_ServiceHostWithoutKubeconfigVariable_UsesInCluster()
    {
        using var dir = new TempDirectory();
        WriteServiceAccount(dir, "sa-token\n");
        dir.Write("home/.kube/config", KubeConfig("https://home:6443"));
        var environment = Environment(dir, new() { ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1", ["KUBERNETES_SERVICE_PORT"] = "8443" });

        var connection = KubernetesConfiguration.Resolve(null, environment);

        Assert.Equal(new Uri("https://10.96.0.1:8443"), connection.Server);
        Assert.Equal("kube-system", connection.Namespace);
        Assert.Single(connection.CertificateAuthorities!);
        Assert.Equal("sa-token", (await connection.Credentials!.GetAsync(CancellationToken.None)).Token);
    }

    [Fact]
    public void Resolve_ServiceHostAndKubeconfigVariable_UsesKubeconfig()
    {
        using var dir = new TempDirectory();
        WriteServiceAccount(dir, "sa-token");
        var kubeconfig = dir.Write("kc", KubeConfig("https://kubeconfig:6443"));
        var environment = Environment(dir, new() { ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1", ["KUBECONFIG"] = kubeconfig });

        var connection = KubernetesConfiguration.Resolve(null, environment);

        Assert.Equal("kubeconfig", connection.Server.Host);
        Assert.Equal("from-kubeconfig", connection.Namespace);
    }

    [Fact]
    public void Resolve_KubeconfigVariableWithTwoFiles_MergesFirstWins()
    {
        using var dir = new TempDirectory();
        var first = dir.Write("first", "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://first:6443\n");
        var second = dir.Write("second", KubeConfig("https://second:6443"));
        dir.Write("home/.kube/config", KubeConfig("https://home:6443"));
        var environment = Environment(dir, new() { ["KUBECONFIG"] = first + Path.PathSeparator + second });

        var connection = KubernetesConfiguration.Resolve(null, environment);

        // current-context and the context come from the second file, the cluster "c" from the first.
        Assert.Equal("first", connection.Server.Host);
        Assert.Equal("from-kubeconfig", connection.Namespace);
    }

    [Fact]
    public void Resolve_NoVariables_UsesHomeKubeConfig()
    {
        using var dir = new TempDirectory();
        dir.Write("home/.kube/config", KubeConfig("https://home:6443"));

        var connection = KubernetesConfiguration.Resolve(null, Environment(dir, []));

        Assert.Equal("home", connection.Server.Host);
    }

    [Fact]
    public void Resolve_NothingConfigured_ThrowsNamingTheFileLookedFor()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<KubeConfigException>(() => KubernetesConfiguration.Resolve(null, Environment(dir, [])));

        Assert.Contains(Path.Combine(dir.Path, "home", ".kube", "config"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MissingExplicitKubeConfigPath_NamesTheFile()
    {
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "nope");

        var error = Assert.Throws<KubeConfigException>(() => KubernetesConfiguration.Resolve(new KubernetesClientOptions { KubeConfigPath = missing }, Environment(dir, [])));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InCluster_TokenFileChanges_RereadsToken()
    {
        using var dir = new TempDirectory();
        WriteServiceAccount(dir, "first-token", ns: null);
        var connection = KubernetesConfiguration.InCluster(Environment(dir, new() { ["KUBERNETES_SERVICE_HOST"] = "fd00::1" }));
        Assert.Equal("first-token", (await connection.Credentials!.GetAsync(CancellationToken.None)).Token);

        // The kubelet rotates projected tokens by replacing the file; a later mtime marks the change.
        var token = dir.Write("sa/token", "second-token-longer");
        File.SetLastWriteTimeUtc(token, DateTime.UtcNow.AddMinutes(1));

        Assert.Equal("second-token-longer", (await connection.Credentials.GetAsync(CancellationToken.None)).Token);
        Assert.Equal(new Uri("https://[fd00::1]:443"), connection.Server);
        Assert.Equal("default", connection.Namespace);
    }

    [Fact]
    public void InCluster_NoTokenFile_NamesTheFile()
    {
        using var dir = new TempDirectory();
        var environment = Environment(dir, new() { ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1" });

        var error = Assert.Throws<KubeConfigException>(() => KubernetesConfiguration.InCluster(environment));

        Assert.Contains(environment.InClusterPaths.TokenFile, error.Message, StringComparison.Ordinal);
    }
}
