using System.Buffers;
using System.Text.Json;

namespace Periscope.Sidecar.Forwarding;

/// <summary>
/// Writes Dapr's HTTP error body, <c>{"errorCode":"ERR_…","message":"…"}</c> as application/json
/// (docs.dapr.io, "Handling HTTP error codes"), so Dapr SDK clients read our errors as they read Dapr's.
/// </summary>
internal static class DaprErrorResponse
{
    public static async Task WriteAsync(HttpContext context, int status, string errorCode, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.HasStarted)
        {
            // Part of another answer already went out: the client can no longer be told, so cut the
            // connection rather than let a truncated answer pass for a complete one.
            context.Abort();
            return;
        }

        var body = new ArrayBufferWriter<byte>(128 + message.Length);
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("errorCode", errorCode);
            json.WriteString("message", message);
            json.WriteEndObject();
        }

        response.Clear();
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = body.WrittenCount;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body.WrittenMemory);
        }
    }
}
