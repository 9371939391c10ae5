using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Periscope.Catalog.Contracts;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;
using Periscope.OpenApi;

namespace Periscope.Functions.Catalog;

/// <summary>
/// <c>GET /api/services/{namespace}/{appId}/openapi</c>: the current document normalised to OpenAPI 3.1 —
/// JSON by default, YAML for <c>Accept: application/yaml</c> (or <c>?format=yaml</c>), and the document
/// exactly as the app served it for <c>?format=raw</c>. Answers 304 to a matching <c>If-None-Match</c>.
/// </summary>
internal sealed class GetOpenApiDocument : IFunction
{
    private static readonly string[] YamlMediaTypes = ["application/yaml", "application/x-yaml", "text/yaml", "application/vnd.oai.openapi"];

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("services/{namespace}/{appId}/openapi", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(
        string @namespace, string appId, [FromQuery] string? format, HttpContext context, ICatalogStore store, CancellationToken cancellationToken)
    {
        if (ServiceRoute.TryParse(@namespace, appId, out var problem) is not { } key)
        {
            return problem!;
        }

        format = format?.ToLowerInvariant() ?? (WantsYaml(context.Request) ? "yaml" : "json");
        if (format is not ("json" or "yaml" or "raw"))
        {
            return Problems.BadRequest($"'format' must be json, yaml or raw; got '{format}'.");
        }

        if (await store.GetServiceAsync(key, cancellationToken) is not { } service)
        {
            return ServiceRoute.NotFound(key);
        }

        if (service.CurrentDocumentHash is not { } hash || await store.GetDocumentAsync(key, hash, cancellationToken) is not { } document)
        {
            return Problems.NotFound($"Service '{appId}' in namespace '{@namespace}' has reported no OpenAPI document.");
        }

        var etag = $"\"{document.Hash[DocumentHash.Prefix.Length..]}-{format}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.Contains(etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return format switch
        {
            "raw" => TypedResults.Text(document.RawContent, document.ContentType),
            _ when document.NormalizedJson is null => TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The document could not be parsed",
                detail: $"Version {document.Version} of the document failed to parse; its diagnostics are at GET /api/services/{@namespace}/{appId}, its raw text at ?format=raw.",
                type: "https://periscope.dev/problems/document-unparsable"),
            "yaml" => TypedResults.Text(OpenApiYaml.FromJson(document.NormalizedJson), "application/yaml"),
            _ => TypedResults.Text(document.NormalizedJson, "application/json"),
        };
    }

    private static bool WantsYaml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(media => YamlMediaTypes.Contains(media.MediaType.Value, StringComparer.OrdinalIgnoreCase));
}
