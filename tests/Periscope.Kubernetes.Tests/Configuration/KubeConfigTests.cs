using System.Text;
using Periscope.Kubernetes.Configuration;

namespace Periscope.Kubernetes.Tests.Configuration;

// Shapes and merge rules from Kubernetes docs, "Organizing Cluster Access Using kubeconfig Files".
public sealed class KubeConfigTests
{
    private static readonly string CaData = Convert.ToBase64String(Encoding.UTF8.GetBytes(SharedCertificates.Pem));

    private static string Config(string current, string clusters, string users, string contexts) => $"""
        apiVersion: v1
        kind: Config
        current-context: {current}
        {Section("clusters", clusters)}
        {Section("users", users)}
        {Section("contexts", contexts)}
        """;

    // A flow sequence cannot sit at the key's indentation in block style, so an empty list goes on the key's line.
    private static string Section(string key, string items) => items == "[]" ? $"{key}: []" : $"{key}:\n{items}";

    [Fact]
    public async Task ToConnection_CurrentContext_ReadsServerNamespaceTokenAndCaData()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("config", Config(
            "dev",
            $"- name: c1\n  cluster:\n    server: https://10.0.0.1:6443\n    certificate-authority-data: {CaData}\n    tls-server-name: kubernetes",
            "- name: u1\n  user:\n    token: secret-1",
            "- name: dev\n  context:\n    cluster: c1\n    user: u1\n    namespace: shop\n- name: other\n  context:\n    cluster: c1"));

        var connection = KubeConfig.Load([file]).ToConnection();

        Assert.Equal(new Uri("https://10.0.0.1:6443"), connection.Server);
        Assert.Equal("shop", connection.Namespace);
        Assert.Equal("kubernetes", connection.TlsServerName);
        Assert.False(connection.InsecureSkipTlsVerify);
        Assert.Equal("CN=test-cluster-ca", Assert.Single(connection.CertificateAuthorities!).Subject);
        Assert.Equal("secret-1", (await connection.Credentials!.GetAsync(CancellationToken.None)).Token);
        Assert.Contains("context dev", connection.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void ToConnection_ExplicitContext_OverridesCurrentContext()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("config", Config(
            "dev",
            "- name: c1\n  cluster:\n    server: https://one:6443\n- name: c2\n  cluster:\n    server: https://two:6443\n    insecure-skip-tls-verify: true",
            "- name: u1\n  user:\n    token: t",
            "- name: dev\n  context:\n    cluster: c1\n    user: u1\n- name: prod\n  context:\n    cluster: c2"));

        var connection = KubeConfig.Load([file]).ToConnection("prod");

        Assert.Equal("two", connection.Server.Host);
        Assert.Equal("default", connection.Namespace);
        Assert.True(connection.InsecureSkipTlsVerify);
        Assert.Null(connection.Credentials);
        Assert.Null(connection.CertificateAuthorities);
    }

    [Fact]
    public void ToConnection_RelativeCaFile_ResolvesAgainstKubeconfigFolder()
    {
        using var dir = new TempDirectory();
        dir.Write("conf/certs/ca.crt", SharedCertificates.Pem);
        var file = dir.Write("conf/config", Config(
            "dev",
            "- name: c1\n  cluster:\n    server: https://one:6443\n    certificate-authority: certs/ca.crt",
            "[]",
            "- name: dev\n  context:\n    cluster: c1"));

        var connection = KubeConfig.Load([file]).ToConnection();

        Assert.Equal("CN=test-cluster-ca", Assert.Single(connection.CertificateAuthorities!).Subject);
    }

    [Fact]
    public void ToConnection_CaDataAndFile_DataWinsAndFileIsNotRead()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("config", Config(
            "dev",
            $"- name: c1\n  cluster:\n    server: https://one:6443\n    certificate-authority: does-not-exist.crt\n    certificate-authority-data: {CaData}",
            "[]",
            "- name: dev\n  context:\n    cluster: c1"));

        var connection = KubeConfig.Load([file]).ToConnection();

        Assert.Single(connection.CertificateAuthorities!);
    }

    [Fact]
    public async Task ToConnection_TokenFileRelative_ReadsFileNextToKubeconfig()
    {
        using var dir = new TempDirectory();
        dir.Write("kube/token", "from-file\n");
        var file = dir.Write("kube/config", Config(
            "dev",
            "- name: c1\n  cluster:\n    server: https://one:6443",
            "- name: u1\n  user:\n    tokenFile: token\n    token: inline",
            "- name: dev\n  context:\n    cluster: c1\n    user: u1"));

        var connection = KubeConfig.Load([file]).ToConnection();

        // client-go rest.Config: the token file's content takes precedence over BearerToken.
        Assert.Equal("from-file", (await connection.Credentials!.GetAsync(CancellationToken.None)).Token);
    }

    [Fact]
    public async Task Load_TwoFiles_FirstFileToSetAValueWins()
    {
        using var dir = new TempDirectory();
        var first = dir.Write("a", Config(
            "first",
            "- name: shared\n  cluster:\n    server: https://from-first:6443",
            "- name: u\n  user:\n    token: first-token",
            "- name: first\n  context:\n    cluster: shared\n    user: u"));
        var second = dir.Write("b", Config(
            "second",
            "- name: shared\n  cluster:\n    server: https://from-second:6443\n- name: only-second\n  cluster:\n    server: https://only-second:6443",
            "- name: u\n  user:\n    token: second-token",
            "- name: second\n  context:\n    cluster: only-second\n    user: u"));

        var config = KubeConfig.Load([first, dir.Path + "/missing", second]);

        Assert.Equal("first", config.CurrentContext);
        Assert.Equal([first, second], config.Files);
        var connection = config.ToConnection();
        Assert.Equal("from-first", connection.Server.Host);
        Assert.Equal("first-token", (await connection.Credentials!.GetAsync(CancellationToken.None)).Token);
        Assert.Equal("only-second", config.ToConnection("second").Server.Host);
    }

    [Fact]
    public void ToConnection_MissingContext_NamesFileAndContext()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("config", Config("dev", "[]", "[]", "[]"));

        var error = Assert.Throws<KubeConfigException>(() => KubeConfig.Load([file]).ToConnection("nope"));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("context \"nope\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToConnection_MissingCluster_NamesFileAndField()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("config", Config("dev", "[]", "[]", "- name: dev\n  context:\n    cluster: gone"));

        var error = Assert.Throws<KubeConfigException>(() => KubeConfig.Load([file]).ToConnection());

        Assert.Contains($"{file}: dev.cluster", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"gone\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToConnection_MissingUser_NamesFileAndField()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("config", Config(
            "dev", "- name: c1\n  cluster:\n    server: https://one:6443", "[]", "- name: dev\n  context:\n    cluster: c1\n    user: ghost"));

        var error = Assert.Throws<KubeConfigException>(() => KubeConfig.Load([file]).ToConnection());

        Assert.Contains($"{file}: dev.user", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"ghost\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToConnection_BadBase64_NamesFileAndField()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("config", Config(
            "dev",
            "- name: c1\n  cluster:\n    server: https://one:6443\n    certificate-authority-data: '%%%not-base64'",
            "[]",
            "- name: dev\n  context:\n    cluster: c1"));

        var error = Assert.Throws<KubeConfigException>(() => KubeConfig.Load([file]).ToConnection());

        Assert.Contains($"{file}: c1.certificate-authority-data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToConnection_NoCurrentContext_SaysSo()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("config", "apiVersion: v1\nkind: Config\nclusters: []\n");

        var error = Assert.Throws<KubeConfigException>(() => KubeConfig.Load([file]).ToConnection());

        Assert.Contains("current-context", error.Message, StringComparison.Ordinal);
    }
}
