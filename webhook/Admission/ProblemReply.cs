using System.Buffers;
using System.Text.Json;

namespace Periscope.Webhook.Admission;

/// <summary>
/// RFC 9457 problem details for a refused request, with the functions host's problem types
/// (<c>https://periscope.dev/problems/&lt;slug&gt;</c>, a fixed title per type, RFC 9457 §3.1.3).
/// </summary>
internal static class ProblemReply
{
    public static AdmissionReply BadRequest(string detail) =>
        Create(StatusCodes.Status400BadRequest, "invalid-request", "The request is not valid.", detail);

    public static AdmissionReply UnsupportedMediaType(string detail) =>
        Create(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "The request body's media type is not supported.", detail);

    public static AdmissionReply PayloadTooLarge(string detail) =>
        Create(StatusCodes.Status413PayloadTooLarge, "payload-too-large", "The request body is too large.", detail);

    public static AdmissionReply NotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, "not-found", "The resource was not found.", detail);

    private static AdmissionReply Create(int status, string slug, string title, string detail)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "https://periscope.dev/problems/" + slug);
            writer.WriteString("title", title);
            writer.WriteNumber("status", status);
            writer.WriteString("detail", detail);
            writer.WriteEndObject();
        }

        return new AdmissionReply(status, AdmissionReply.ProblemJson, buffer.WrittenSpan.ToArray());
    }
}
