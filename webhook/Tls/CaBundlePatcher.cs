using System.Text;
using System.Text.Json;
using Periscope.Kubernetes.Client;
using Periscope.Kubernetes.Resources;

namespace Periscope.Webhook.Tls;

/// <summary>
/// Puts a CA into <c>clientConfig.caBundle</c> of every webhook of one MutatingWebhookConfiguration, as
/// cert-manager's cainjector does for <c>cert-manager.io/inject-ca-from</c> (cert-manager.io/docs/concepts/ca-injector/).
/// </summary>
/// <remarks>
/// One RFC 6902 JSON Patch per change: a <c>test</c> of metadata.resourceVersion first, so the webhook indexes
/// refer to the object that was read, then an <c>add</c> per webhook (add replaces an existing member, RFC 6902
/// §4.1). When the object changed in between, kube-apiserver rejects the patch (a failed test is 422, a stale
/// resourceVersion 409); it is read again and the patch rebuilt, a few times.
/// </remarks>
internal sealed class CaBundlePatcher(KubernetesClient client, ILogger logger)
{
    private const int MaxAttempts = 5;

    /// <summary>The number of webhooks patched; 0 when every caBundle already is <paramref name="caPem"/>.</summary>
    public async Task<int> EnsureAsync(string configurationName, string caPem, CancellationToken cancellationToken)
    {
        var bundle = Encoding.ASCII.GetBytes(caPem);
        for (var attempt = 1; ; attempt++)
        {
            var configuration = await client.GetAsync(KubernetesResources.MutatingWebhookConfigurations, configurationName, cancellationToken: cancellationToken);
            var stale = (configuration.Webhooks ?? [])
                .Select((webhook, index) => (webhook, index))
                .Where(w => w.webhook.ClientConfig.CaBundle is not { } current || !current.AsSpan().SequenceEqual(bundle))
                .Select(w => w.index)
                .ToList();
            if (stale.Count == 0)
            {
                TlsLog.CaBundleCurrent(logger, configurationName);
                return 0;
            }

            try
            {
                await client.PatchAsync(
                    KubernetesResources.MutatingWebhookConfigurations, configurationName, null, PatchType.JsonPatch,
                    Patch(configuration.Metadata.ResourceVersion, stale, bundle), cancellationToken: cancellationToken);
                TlsLog.CaBundlePatched(logger, stale.Count, configurationName);
                return stale.Count;
            }
            catch (KubernetesApiException e) when ((e.IsConflict || e.IsInvalid) && attempt < MaxAttempts)
            {
                TlsLog.CaBundleConflict(logger, configurationName, attempt);
            }
        }
    }

    internal static string Patch(string? resourceVersion, IEnumerable<int> webhooks, byte[] bundle)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            if (resourceVersion is not null)
            {
                json.WriteStartObject();
                json.WriteString("op", "test");
                json.WriteString("path", "/metadata/resourceVersion");
                json.WriteString("value", resourceVersion);
                json.WriteEndObject();
            }

            foreach (var index in webhooks)
            {
                json.WriteStartObject();
                json.WriteString("op", "add");
                json.WriteString("path", $"/webhooks/{index}/clientConfig/caBundle");
                json.WriteBase64String("value", bundle);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
