using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Periscope.Kubernetes.Client;
using Periscope.Kubernetes.Configuration;
using Periscope.Kubernetes.Credentials;
using Periscope.Kubernetes.Resources;

namespace Periscope.Kubernetes.Tests.Http;

// TLS as kubeconfig describes it (certificate-authority, insecure-skip-tls-verify, tls-server-name,
// client-certificate/client-key), over real HTTPS to Kestrel on loopback.
public sealed class KubernetesHttpHandlerFactoryTests
{
    // RSA key generation dominates these tests' time, so one CA and its certificates serve them all.
    private static readonly TestCertificates Certificates = new();
    private static readonly X509Certificate2 Serving = Certificates.Issue("api", server: true, "localhost", "kubernetes.default.svc");
    private static readonly X509Certificate2 ClientCertificate = Certificates.Issue("system:admin", server: false);

    // Echoes what the server saw (client certificate subject, Authorization) as the namespace's labels.
    private static Task Echo(HttpContext context)
    {
        var subject = context.Connection.ClientCertificate?.Subject ?? "";
        var authorization = context.Request.Headers.Authorization.ToString();
        context.Response.ContentType = "application/json";
        var body = new JsonObject
        {
            ["kind"] = "Namespace",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = "shop",
                ["labels"] = new JsonObject { ["subject"] = subject, ["authorization"] = authorization },
            },
        };
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static KubernetesConnection Connection(
        Uri server, X509Certificate2? authority, ICredentialSource? credentials = null, bool insecure = false, string? serverName = null)
        => new(server, "default", credentials, authority is null ? null : new X509Certificate2Collection(authority), insecure, serverName, "test");

    private static async Task<Namespace> GetNamespaceAsync(KubernetesConnection connection)
    {
        using var client = KubernetesClient.Create(connection);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await client.GetAsync(KubernetesResources.Namespaces, "shop", cancellationToken: timeout.Token);
    }

    [Fact]
    public async Task Create_ServerSignedByConfiguredCa_ConnectsAndSendsToken()
    {
        await using var server = await FakeApiServer.StartAsync(Echo, Serving);

        var ns = await GetNamespaceAsync(Connection(server.Address, Certificates.Authority, new StaticCredentialSource(new Credential("t0k", null))));

        Assert.Equal("Bearer t0k", ns.Metadata.Labels!["authorization"]);
    }

    [Fact]
    public async Task Create_ServerSignedByAnotherCa_FailsTheHandshake()
    {
        using var stranger = X509Certificate2.CreateFromPem(SharedCertificates.Pem);
        await using var server = await FakeApiServer.StartAsync(Echo, Serving);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => GetNamespaceAsync(Connection(server.Address, stranger)));

        Assert.IsType<System.Security.Authentication.AuthenticationException>(error.InnerException);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Create_InsecureSkipTlsVerify_AcceptsUnknownCa()
    {
        await using var server = await FakeApiServer.StartAsync(Echo, Serving);

        var ns = await GetNamespaceAsync(Connection(server.Address, authority: null, insecure: true));

        Assert.Equal("shop", ns.Metadata.Name);
    }

    [Fact]
    public async Task Create_TlsServerName_IsTheNameChecked()
    {
        await using var server = await FakeApiServer.StartAsync(Echo, Serving);

        var ns = await GetNamespaceAsync(Connection(server.Address, Certificates.Authority, serverName: "kubernetes.default.svc"));
        await Assert.ThrowsAsync<HttpRequestException>(
            () => GetNamespaceAsync(Connection(server.Address, Certificates.Authority, serverName: "elsewhere.example")));

        Assert.Equal("shop", ns.Metadata.Name);
    }

    [Fact]
    public async Task Create_ClientCertificateFromKubeconfig_IsPresented()
    {
        await using var server = await FakeApiServer.StartAsync(Echo, Serving, requireClientCertificate: true);
        using var dir = new TempDirectory();
        static string Base64(string pem) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pem));
        var kubeconfig = dir.Write("config", $"""
            apiVersion: v1
            kind: Config
            current-context: ctx
            clusters:
            - name: c
              cluster:
                server: {server.Address}
                certificate-authority-data: {Base64(Certificates.AuthorityPem)}
            users:
            - name: u
              user:
                client-certificate-data: {Base64(ClientCertificate.ExportCertificatePem())}
                client-key-data: {Base64(TestCertificates.KeyPem(ClientCertificate))}
            contexts:
            - name: ctx
              context:
                cluster: c
                user: u
            """);

        var ns = await GetNamespaceAsync(KubernetesConfiguration.Resolve(new KubernetesClientOptions { KubeConfigPath = kubeconfig }));

        Assert.Equal("CN=system:admin", ns.Metadata.Labels!["subject"]);
        Assert.Equal("", ns.Metadata.Labels["authorization"]);
    }
}
