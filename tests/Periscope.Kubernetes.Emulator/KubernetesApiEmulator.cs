using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Periscope.Kubernetes.Emulator.Admission;
using Periscope.Kubernetes.Emulator.Api;
using Periscope.Kubernetes.Emulator.Logs;
using Periscope.Kubernetes.Emulator.Resources;
using Periscope.Kubernetes.Emulator.Security;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator;

/// <summary>
/// An emulated kube-apiserver for tests: Kestrel on 127.0.0.1 at a free port, HTTPS with a certificate
/// from its own CA (<see cref="CertificateAuthorityPem"/>), optional plain HTTP and bearer-token auth, the
/// real JSON wire format for the kinds Periscope uses, watches, pod logs and mutating admission webhooks.
/// </summary>
/// <remarks>
/// Built from the Kubernetes API conventions (kubernetes/community docs/devel/api-conventions.md) and the
/// API concepts page (kubernetes.io/docs/reference/using-api/api-concepts/), so a client cannot tell it from
/// a real server for what it covers. Not emulated: graceful deletion and finalizers, field-ownership
/// conflicts in server-side apply, matchConditions, validating webhooks, protobuf, consistent continue snapshots.
/// </remarks>
public sealed class KubernetesApiEmulator : IAsyncDisposable
{
    private static readonly string[] SystemNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    private readonly WebApplication _app;
    private readonly TestCertificateAuthority _authority;
    private readonly ObjectStore _store;
    private readonly PodLogStore _logs;
    private readonly AdmissionChain _admission;
    private readonly KubernetesApiEmulatorOptions _options;
    private readonly Lock _gate = new();
    private CancellationTokenSource _watchDrop = new();

    private KubernetesApiEmulator(
        WebApplication app, TestCertificateAuthority authority, ObjectStore store, PodLogStore logs, AdmissionChain admission, KubernetesApiEmulatorOptions options)
    {
        _app = app;
        _authority = authority;
        _store = store;
        _logs = logs;
        _admission = admission;
        _options = options;
    }

    /// <summary>The HTTPS address, e.g. https://127.0.0.1:39211/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The plain HTTP address when <see cref="KubernetesApiEmulatorOptions.EnableHttp"/> is set.</summary>
    public Uri? HttpBaseAddress { get; private set; }

    /// <summary>The CA that signed the serving certificate, PEM; what a kubeconfig's certificate-authority-data holds (base64).</summary>
    public string CertificateAuthorityPem => _authority.CertificatePem;

    /// <summary>The CA certificate, for clients that build their own trust.</summary>
    public X509Certificate2 CertificateAuthority => _authority.Certificate;

    /// <summary>Every admission webhook call so far, in order.</summary>
    public IReadOnlyList<AdmissionCall> AdmissionCalls => _admission.Calls;

    /// <summary>The store's current revision, i.e. the newest resourceVersion.</summary>
    public string CurrentResourceVersion => _store.Revision.ToString();

    public static async Task<KubernetesApiEmulator> StartAsync(KubernetesApiEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new KubernetesApiEmulatorOptions();
        options.Validate();
        var authority = TestCertificateAuthority.Create("periscope-emulator-ca");
        var serving = authority.IssueServerCertificate("127.0.0.1", "localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(serving));
            if (options.EnableHttp)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
        });

        var app = builder.Build();
        var store = new ObjectStore();
        var logs = new PodLogStore();
        var admission = new AdmissionChain(options, store);
        var emulator = new KubernetesApiEmulator(app, authority, store, logs, admission, options);
        var handler = new ApiHandler(options, store, logs, admission, emulator.WatchDropToken);
        app.Run(handler.HandleAsync);

        if (options.CreateSystemNamespaces)
        {
            foreach (var ns in SystemNamespaces)
            {
                await handler.CreateObjectAsync(new RequestPath(ResourceCatalog.Namespaces, null, null, null), new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, false, cancellationToken);
            }
        }

        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        emulator.BaseAddress = new Uri(addresses.First(a => a.StartsWith("https://", StringComparison.Ordinal)) + "/");
        emulator.HttpBaseAddress = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) is { } http ? new Uri(http + "/") : null;
        return emulator;
    }

    /// <summary>An HttpClient for <see cref="BaseAddress"/> that trusts only the emulator's CA and sends the bearer token if one is set.</summary>
    public HttpClient CreateClient()
    {
        var trust = _authority.Certificate;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            if (certificate is null || errors.HasFlag(System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch))
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(trust);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return chain.Build(leaf);
        };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        if (_options.BearerToken is { } token)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Cuts every open watch connection mid-stream, as an apiserver restart or a proxy timeout does.</summary>
    public void DropWatchConnections()
    {
        CancellationTokenSource old;
        lock (_gate)
        {
            old = _watchDrop;
            _watchDrop = new CancellationTokenSource();
        }

        old.Cancel();
        old.Dispose();
    }

    /// <summary>Compacts history like etcd: watches and continue tokens from older resourceVersions get 410 Expired.</summary>
    public void CompactHistory() => _store.Compact();

    /// <summary>Appends a line to a container's log (or its previous instance's); followers receive it at once.</summary>
    public void AppendLog(string podNamespace, string pod, string container, string line, bool previous = false) =>
        _logs.Append(podNamespace, pod, container, line, previous);

    public async ValueTask DisposeAsync()
    {
        DropWatchConnections();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _authority.Dispose();
        _watchDrop.Dispose();
    }

    private CancellationToken WatchDropToken()
    {
        lock (_gate)
        {
            return _watchDrop.Token;
        }
    }
}
