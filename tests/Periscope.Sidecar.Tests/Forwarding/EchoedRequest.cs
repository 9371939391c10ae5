using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Periscope.Sidecar.Tests.Forwarding;

/// <summary>What the upstream received, as it echoes it back in JSON.</summary>
internal sealed record EchoedRequest(string Method, string Target, Dictionary<string, string[]> Headers, string Body)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? Header(string name) =>
        Headers.FirstOrDefault(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is { } values
            ? string.Join(" | ", values)
            : null;

    /// <summary>The upstream script: answers 200 with the request it got, Content-Length set.</summary>
    public static async Task EchoAsync(HttpContext context)
    {
        using var body = new StreamReader(context.Request.Body, Encoding.UTF8);
        var echoed = new EchoedRequest(
            context.Request.Method,
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.ToDictionary(header => header.Key, header => (string[])header.Value.ToArray()!, StringComparer.OrdinalIgnoreCase),
            await body.ReadToEndAsync(context.RequestAborted));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(echoed, Json);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    public static EchoedRequest Parse(string json) => JsonSerializer.Deserialize<EchoedRequest>(json, Json)!;
}
