namespace Periscope.Sidecar.Discovery;

/// <summary>Where the common frameworks serve an OpenAPI document by default, most common first.</summary>
internal static class WellKnownPaths
{
    public static IReadOnlyList<string> All { get; } =
    [
        "/openapi.json",            // FastAPI (openapi_url), many Node and Go servers
        "/openapi/v1.json",         // ASP.NET Core 9+ MapOpenApi: /openapi/{documentName}.json
        "/swagger/v1/swagger.json", // Swashbuckle.AspNetCore: /swagger/{documentName}/swagger.json
        "/v3/api-docs",             // springdoc-openapi
        "/swagger.json",            // go-swagger, hapi-swagger
        "/openapi.yaml",            // a static file next to the app
        "/openapi.yml",
        "/swagger.yaml",
        "/v2/api-docs",             // Springfox (Swagger 2.0)
        "/api-docs",                // swagger-jsdoc and Express conventions
        "/openapi/v1.yaml",         // ASP.NET Core 10 MapOpenApi("/openapi/{documentName}.yaml")
    ];
}
