using System.Globalization;
using System.Text.Json;
using Periscope.Kubernetes.Client;
using Periscope.Kubernetes.Configuration;
using Periscope.Webhook.Injection;

namespace Periscope.Webhook.Configuration;

/// <summary>
/// Reads the API server's minor version once at start (GET /version, the version.Info of k8s.io/apimachinery), which
/// decides native sidecars (<see cref="InjectionOptions.UsesNativeSidecar"/>). Skipped when
/// <c>Injection:ClusterMinorVersion</c> is configured; when no cluster is configured or the call fails, the default
/// (<see cref="InjectionOptions.DefaultClusterMinorVersion"/>) stays and a warning says so.
/// </summary>
/// <remarks>
/// A hosted service: the host starts these before Kestrel accepts connections, so no review sees the default
/// when the version is readable.
/// </remarks>
internal sealed class ClusterVersionProbe(
    IConfiguration configuration, InjectionOptionsSource options, ILogger<ClusterVersionProbe> logger) : IHostedService
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (InjectionOptionsReader.HasClusterMinorVersion(configuration))
        {
            return;
        }

        KubernetesConnection connection;
        try
        {
            connection = KubernetesConfiguration.Resolve(ClientOptions(configuration.GetSection("Kubernetes")));
        }
        catch (KubeConfigException e)
        {
            ClusterVersionLog.NoCluster(logger, e.Message, InjectionOptions.DefaultClusterMinorVersion);
            return;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            var minor = await ReadMinorAsync(connection, timeout.Token);
            options.SetClusterMinorVersion(minor);
            ClusterVersionLog.Read(logger, connection.Server, minor);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or FormatException
            or KubernetesApiException or IOException or System.Security.Authentication.AuthenticationException)
        {
            ClusterVersionLog.Failed(logger, e, connection.Server, InjectionOptions.DefaultClusterMinorVersion);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The minor version as a number: managed clusters report it with a suffix ("30+" on GKE and EKS), which
    /// Istio's and kubectl's readers strip the same way.
    /// </summary>
    public static int ParseMinor(string? minor)
    {
        var digits = new string((minor ?? "").TakeWhile(char.IsAsciiDigit).ToArray());
        return int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The section <c>Kubernetes</c>: Server (+ Token, TokenFile, CertificateAuthorityFile, InsecureSkipTlsVerify) or
    /// KubeConfigPath (+ Context); none set means in-cluster, then KUBECONFIG, then ~/.kube/config.
    /// </summary>
    private static KubernetesClientOptions ClientOptions(IConfigurationSection section) => new()
    {
        Server = section["Server"] is { Length: > 0 } server ? new Uri(server, UriKind.Absolute) : null,
        Token = section["Token"],
        TokenFile = section["TokenFile"],
        CertificateAuthorityFile = section["CertificateAuthorityFile"],
        InsecureSkipTlsVerify = string.Equals(section["InsecureSkipTlsVerify"], "true", StringComparison.OrdinalIgnoreCase),
        KubeConfigPath = section["KubeConfigPath"],
        Context = section["Context"],
    };

    private static async Task<int> ReadMinorAsync(KubernetesConnection connection, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(Periscope.Kubernetes.Http.KubernetesHttpHandlerFactory.Create(connection), disposeHandler: true);
        using var response = await http.GetAsync(new Uri(connection.Server, "/version"), cancellationToken);
        await KubernetesClient.EnsureSuccessAsync(response, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return ParseMinor(document.RootElement.TryGetProperty("minor", out var minor) && minor.ValueKind == JsonValueKind.String ? minor.GetString() : null);
    }
}
