using System.Security.Cryptography.X509Certificates;
using System.Text;
using Periscope.Kubernetes.Credentials;
using YamlDotNet.RepresentationModel;

namespace Periscope.Kubernetes.Configuration;

internal sealed partial class KubeConfig
{
    /// <summary>The connection a context describes; <paramref name="context"/> null means current-context.</summary>
    public KubernetesConnection ToConnection(string? context = null)
    {
        var files = Files.Count == 0 ? "(no kubeconfig file found)" : string.Join(", ", Files);
        var contextName = context ?? CurrentContext
            ?? throw new KubeConfigException($"{files}: current-context is not set and no context was given.");
        if (!_contexts.TryGetValue(contextName, out var ctx))
        {
            throw new KubeConfigException($"{files}: context \"{contextName}\" is not defined.");
        }

        var clusterName = ctx.Text("cluster") ?? throw new KubeConfigException($"{ctx.Field("cluster")} is not set.");
        if (!_clusters.TryGetValue(clusterName, out var cluster))
        {
            throw new KubeConfigException($"{ctx.Field("cluster")}: cluster \"{clusterName}\" is not defined.");
        }

        var server = cluster.Text("server") ?? throw new KubeConfigException($"{cluster.Field("server")} is not set.");
        if (!Uri.TryCreate(server, UriKind.Absolute, out var serverUri))
        {
            throw new KubeConfigException($"{cluster.Field("server")}: \"{server}\" is not an absolute URL.");
        }

        ICredentialSource? credentials = null;
        if (ctx.Text("user") is { } userName)
        {
            if (!_users.TryGetValue(userName, out var user))
            {
                throw new KubeConfigException($"{ctx.Field("user")}: user \"{userName}\" is not defined.");
            }

            credentials = Credentials(user);
        }

        return new KubernetesConnection(
            serverUri,
            ctx.Text("namespace") ?? "default",
            credentials,
            CertificateAuthorities(cluster),
            cluster.Flag("insecure-skip-tls-verify"),
            cluster.Text("tls-server-name"),
            $"kubeconfig {files}, context {contextName}");
    }

    private static X509Certificate2Collection? CertificateAuthorities(KubeConfigEntry cluster)
    {
        var pem = Pem(cluster, "certificate-authority-data", "certificate-authority");
        try
        {
            return pem is null ? null : PemCertificates.LoadBundle(pem);
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            throw new KubeConfigException($"{cluster.Field("certificate-authority(-data)")}: {e.Message}", e);
        }
    }

    private static ICredentialSource? Credentials(KubeConfigEntry user)
    {
        if (user.Node("exec") is YamlMappingNode exec)
        {
            return Exec(new KubeConfigEntry(user.Name, exec, user.File));
        }

        X509Certificate2? certificate = null;
        var certificatePem = Pem(user, "client-certificate-data", "client-certificate");
        var keyPem = Pem(user, "client-key-data", "client-key");
        if (certificatePem is not null || keyPem is not null)
        {
            if (certificatePem is null || keyPem is null)
            {
                throw new KubeConfigException($"{user.Field(certificatePem is null ? "client-certificate" : "client-key")} is missing: a client certificate needs both.");
            }

            try
            {
                certificate = PemCertificates.LoadClientCertificate(certificatePem, keyPem);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw new KubeConfigException($"{user.Field("client-certificate/client-key")}: {e.Message}", e);
            }
        }

        if (user.Path("tokenFile") is { } tokenFile)
        {
            return new TokenFileCredentialSource(tokenFile);
        }

        var token = user.Text("token");
        return token is null && certificate is null ? null : new StaticCredentialSource(new Credential(token, certificate));
    }

    private static ExecCredentialSource Exec(KubeConfigEntry exec)
    {
        var command = exec.Text("command") ?? throw new KubeConfigException($"{exec.Field("exec.command")} is not set.");
        var apiVersion = exec.Text("apiVersion") ?? throw new KubeConfigException($"{exec.Field("exec.apiVersion")} is not set.");
        if (apiVersion is not ("client.authentication.k8s.io/v1" or "client.authentication.k8s.io/v1beta1"))
        {
            throw new KubeConfigException($"{exec.Field("exec.apiVersion")}: \"{apiVersion}\" is not supported (v1 or v1beta1).");
        }

        // client-go resolves a relative command that contains a separator against the kubeconfig's directory.
        if (command.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(command))
        {
            command = exec.Path("command")!;
        }

        var args = exec.Node("args") is YamlSequenceNode argList
            ? argList.OfType<YamlScalarNode>().Select(a => a.Value ?? "").ToList()
            : [];
        var env = new List<KeyValuePair<string, string>>();
        if (exec.Node("env") is YamlSequenceNode envList)
        {
            foreach (var item in envList.OfType<YamlMappingNode>())
            {
                var variable = new KubeConfigEntry(exec.Name, item, exec.File);
                var name = variable.Text("name") ?? throw new KubeConfigException($"{exec.Field("exec.env")}: an entry has no name.");
                env.Add(new(name, variable.Text("value") ?? ""));
            }
        }

        return new ExecCredentialSource(new ExecCredentialSettings(command, args, env, apiVersion, Path.GetDirectoryName(exec.File)));
    }

    // The *-data field is base64 PEM and wins over the file field (kubectl: "data takes precedence").
    private static string? Pem(KubeConfigEntry entry, string dataKey, string fileKey)
    {
        if (entry.Text(dataKey) is { } data)
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(data));
            }
            catch (FormatException e)
            {
                throw new KubeConfigException($"{entry.Field(dataKey)} is not base64.", e);
            }
        }

        if (entry.Path(fileKey) is { } file)
        {
            try
            {
                return File.ReadAllText(file);
            }
            catch (IOException e)
            {
                throw new KubeConfigException($"{entry.Field(fileKey)}: cannot read {file}: {e.Message}", e);
            }
        }

        return null;
    }
}
