using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Periscope.Webhook.Admission;

/// <summary>
/// Serializes the AdmissionReview response kube-apiserver expects
/// (kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#response): the same apiVersion
/// and kind, <c>response.uid</c> echoing <c>request.uid</c>, <c>allowed</c>, and for a mutation
/// <c>patchType: JSONPatch</c> with the RFC 6902 patch base64-encoded; <c>warnings</c> surface in kubectl.
/// </summary>
internal static class AdmissionResponseWriter
{
    /// <summary>The docs: "Limit warnings to 120 characters if possible. Warnings over 256 characters ... may be truncated".</summary>
    private const int MaxWarningLength = 256;

    private const int MaxWarnings = 16;

    public static byte[] Write(string uid, JsonArray? patch, IEnumerable<string> warnings)
    {
        var buffer = new ArrayBufferWriter<byte>(patch is null ? 256 : 4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("apiVersion", AdmissionReviewReader.ApiVersion);
            writer.WriteString("kind", AdmissionReviewReader.ReviewKind);
            writer.WriteStartObject("response");
            writer.WriteString("uid", uid);
            writer.WriteBoolean("allowed", true);
            if (patch is not null)
            {
                writer.WriteString("patchType", "JSONPatch");
                writer.WriteBase64String("patch", JsonSerializer.SerializeToUtf8Bytes(patch, AdmissionJsonContext.Default.JsonArray));
            }

            var first = true;
            foreach (var warning in warnings.Take(MaxWarnings))
            {
                if (first)
                {
                    writer.WriteStartArray("warnings");
                    first = false;
                }

                writer.WriteStringValue(warning.Length <= MaxWarningLength ? warning : warning[..(MaxWarningLength - 1)] + "…");
            }

            if (!first)
            {
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
