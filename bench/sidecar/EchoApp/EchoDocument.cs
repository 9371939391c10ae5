namespace Periscope.Bench.EchoApp;

/// <summary>The app's OpenAPI 3.0 document, served at <c>/openapi.json</c> (a well-known path the sidecar tries first).</summary>
internal static class EchoDocument
{
    public const string Json = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Echo", "version": "1.0.0", "description": "The sidecar benchmark's app." },
          "paths": {
            "/echo": {
              "get": {
                "operationId": "getKilobyte",
                "responses": { "200": { "description": "1 KB", "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } } } }
              },
              "post": {
                "operationId": "echo",
                "requestBody": { "required": true, "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } } },
                "responses": { "200": { "description": "The request body", "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } } } }
              }
            }
          }
        }
        """;
}
