using System.Text;

namespace Periscope.Bench.EchoApp;

/// <summary>
/// <c>POST /echo</c> answers the request body back, <c>GET /echo</c> answers 1 KB, <c>/openapi.json</c>
/// describes both so a sidecar matches the traffic to documented operations as it would for a real app.
/// </summary>
internal static class EchoEndpoints
{
    private static readonly byte[] Kilobyte = Encoding.ASCII.GetBytes(new string('x', 1024));
    private static readonly byte[] Document = Encoding.UTF8.GetBytes(EchoDocument.Json);

    public static void MapEchoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/echo", EchoAsync);
        app.MapGet("/echo", context => WriteAsync(context, Kilobyte, "application/octet-stream"));
        app.MapGet("/openapi.json", context => WriteAsync(context, Document, "application/json"));
        app.MapGet("/healthz", context => WriteAsync(context, "ok"u8.ToArray(), "text/plain"));
    }

    private static async Task EchoAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.ContentType = request.ContentType ?? "application/octet-stream";
        response.ContentLength = request.ContentLength;
        // Pipe to pipe: Kestrel's buffers go straight back out, without a copy buffer of our own.
        await request.BodyReader.CopyToAsync(response.BodyWriter, context.RequestAborted);
    }

    private static Task WriteAsync(HttpContext context, byte[] body, string contentType)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
