using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Periscope.Kubernetes.Emulator;

namespace Periscope.Functions.Tests.AlertRules;

/// <summary>Rules applied as a PrometheusRule through lib/Periscope.Kubernetes, against the emulated API server over HTTPS.</summary>
public sealed class ClusterApplyTests
{
    private const string Token = "rules-tests-cluster-token";

    [Fact]
    public async Task PostThenDelete_ApplyToCluster_PrometheusRuleFollowsTheStore()
    {
        await using var api = await KubernetesApiEmulator.StartAsync(new KubernetesApiEmulatorOptions { BearerToken = Token });
        using var kube = api.CreateClient();
        using (var ns = await kube.PostAsJsonAsync("/api/v1/namespaces", new { apiVersion = "v1", kind = "Namespace", metadata = new { name = "monitoring" } }))
        {
            Assert.Equal(HttpStatusCode.Created, ns.StatusCode);
        }

        var ca = Path.Combine(Path.GetTempPath(), $"periscope-rules-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(ca, api.CertificateAuthorityPem);
        try
        {
            var (server, ruleFile) = await AlertRulesHost.StartAsync(
            [
                "--AlertRules:ApplyToCluster=true",
                "--AlertRules:Namespace=monitoring",
                "--AlertRules:PrometheusRuleLabels:release=kube-prometheus-stack",
                $"--Kubernetes:Server={api.BaseAddress}",
                $"--Kubernetes:Token={Token}",
                $"--Kubernetes:CertificateAuthorityFile={ca}",
            ]);
            await using var _ = server;
            using var client = server.CreateClient(AlertRulesHost.AdminKey);

            using var post = await client.PostAsJsonAsync("/api/alerts/rules", new { name = "cluster-disk", target = "node", metric = "disk", threshold = 0.85, severity = "critical" });
            var body = await post.Content.ReadAsStringAsync();
            Assert.True(post.StatusCode == HttpStatusCode.Created, $"{(int)post.StatusCode} {body}");
            using (var created = JsonDocument.Parse(body))
            {
                Assert.True(created.RootElement.GetProperty("publication").GetProperty("appliedToCluster").GetBoolean(), body);
            }

            var applied = await GetPrometheusRuleAsync(kube);
            Assert.Equal("kube-prometheus-stack", applied.GetProperty("metadata").GetProperty("labels").GetProperty("release").GetString());
            var rule = Assert.Single(applied.GetProperty("spec").GetProperty("groups")[0].GetProperty("rules").EnumerateArray());
            Assert.Equal("cluster_disk", rule.GetProperty("alert").GetString());
            Assert.Equal("critical", rule.GetProperty("labels").GetProperty("severity").GetString());

            using var delete = await client.DeleteAsync("/api/alerts/rules/cluster-disk");
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
            Assert.Equal(0, (await GetPrometheusRuleAsync(kube)).GetProperty("spec").GetProperty("groups").GetArrayLength());
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(ruleFile)!)!, recursive: true);
        }
        finally
        {
            File.Delete(ca);
        }
    }

    private static async Task<JsonElement> GetPrometheusRuleAsync(HttpClient kube)
    {
        using var response = await kube.GetAsync("/apis/monitoring.coreos.com/v1/namespaces/monitoring/prometheusrules/periscope-threshold-rules");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
