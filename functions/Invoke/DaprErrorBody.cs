using System.Net.Http.Headers;
using System.Text.Json;

namespace Periscope.Functions.Invoke;

/// <summary>
/// An error the Dapr sidecar answered itself, as opposed to the app's own answer, which Dapr passes through
/// with its status and body (docs.dapr.io, "Service invocation API reference": "the status code of the
/// called service will be returned to the caller"). Dapr's errors are JSON objects
/// <c>{"errorCode": "ERR_…", "message": "…"}</c>, newer versions adding <c>details</c> (docs.dapr.io,
/// "Handling HTTP error codes"). An app's body counts as Dapr's only when it has exactly that shape, with a
/// status Dapr uses for invocation failures, so an app's own error answers pass through untouched unless
/// they imitate Dapr's.
/// </summary>
internal sealed record DaprErrorBody(int Status, string ErrorCode, string Message)
{
    /// <summary>Dapr's error bodies are a few hundred bytes; a larger body is the app's.</summary>
    public const int MaxLength = 16 * 1024;

    /// <summary>
    /// Whether the answer may be Dapr's own and its body is worth reading to tell: a status Dapr answers
    /// invocation failures with (400 malformed, 403 access control, 404 unknown app-id, 500/502/503/504/501
    /// failures), JSON, and a small declared length.
    /// </summary>
    public static bool IsCandidate(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        return status is 400 or 403 or 404 or (>= 500 and <= 504)
            && response.Content.Headers.ContentLength is > 0 and <= MaxLength
            && IsJson(response.Content.Headers.ContentType);
    }

    /// <summary>Dapr's error when <paramref name="body"/> has its shape, else null.</summary>
    public static DaprErrorBody? TryRead(int status, ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? code = null, message = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "errorCode" when reader.TokenType == JsonTokenType.String:
                        code = reader.GetString();
                        break;
                    case "message" when reader.TokenType == JsonTokenType.String:
                        message = reader.GetString();
                        break;
                    case "details":
                        reader.Skip();
                        break;
                    default:
                        return null;
                }
            }

            return code is not null && message is not null && IsErrorCode(code) ? new DaprErrorBody(status, code, message) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsErrorCode(string code) =>
        code.StartsWith("ERR_", StringComparison.Ordinal) && code.Length > 4 && code.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');

    private static bool IsJson(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType is { } media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
