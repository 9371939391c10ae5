using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Features;
using Periscope.Webhook.Hosting;

namespace Periscope.Webhook.Admission;

/// <summary>
/// POST /mutate on the HTTPS port: checks what Istio's serveInject checks before decoding (a body, of media type
/// application/json) plus a size cap, then hands the bytes to <see cref="AdmissionHandler"/>.
/// </summary>
internal static class MutateEndpoint
{
    public const string Path = "/mutate";

    public static async Task HandleAsync(HttpContext context, AdmissionHandler handler, WebhookOptions options)
    {
        var reply = await ReplyAsync(context, handler, options);
        context.Response.StatusCode = reply.StatusCode;
        context.Response.ContentType = reply.ContentType;
        context.Response.ContentLength = reply.Body.Length;
        await context.Response.Body.WriteAsync(reply.Body, context.RequestAborted);
    }

    private static async Task<AdmissionReply> ReplyAsync(HttpContext context, AdmissionHandler handler, WebhookOptions options)
    {
        var request = context.Request;
        if (!request.IsHttps)
        {
            // kube-apiserver only calls webhooks over HTTPS; this is the metrics port.
            return ProblemReply.NotFound($"{Path} is served on the HTTPS port only.");
        }

        if (!IsJson(request.ContentType))
        {
            var detail = $"Content-Type must be application/json (an AdmissionReview); got {(string.IsNullOrEmpty(request.ContentType) ? "none" : $"\"{request.ContentType}\"")}.";
            return handler.Refused("content-type", ProblemReply.UnsupportedMediaType(detail), detail);
        }

        var limit = options.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(handler, limit);
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 16 * 1024);
        try
        {
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body has no Content-Length; Kestrel's MaxRequestBodySize stops it while it is read.
            return TooLarge(handler, limit);
        }

        return buffer.Length == 0
            ? handler.Refused("json", ProblemReply.BadRequest("The body is empty; expected an AdmissionReview."), "empty body")
            : handler.Handle(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static AdmissionReply TooLarge(AdmissionHandler handler, long limit)
    {
        var detail = $"The body is larger than {limit} bytes (Webhook:MaxRequestBodyBytes); kube-apiserver sends no larger object.";
        return handler.Refused("too-large", ProblemReply.PayloadTooLarge(detail), detail);
    }

    /// <summary>application/json, with no charset or UTF-8 (RFC 8259 §8.1: JSON exchanged between systems is UTF-8).</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType, "application/json", StringComparison.OrdinalIgnoreCase)
        && (media.CharSet is null || string.Equals(media.CharSet.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase));
}
