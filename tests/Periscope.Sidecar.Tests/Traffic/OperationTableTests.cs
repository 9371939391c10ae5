using System.Text;
using Periscope.Sidecar.Traffic;

namespace Periscope.Sidecar.Tests.Traffic;

public sealed class OperationTableTests
{
    private const string Petstore = """
        {
          "openapi": "3.0.3",
          "info": { "title": "pets", "version": "1" },
          "paths": {
            "/pets": { "get": { "operationId": "listPets" }, "post": { "operationId": "addPet" } },
            "/pets/mine": { "get": { "operationId": "myPets" } },
            "/pets/{id}": {
              "parameters": [ { "name": "id", "in": "path", "required": true } ],
              "get": { "operationId": "getPet" }, "delete": { "operationId": "deletePet" }
            },
            "/pets/{id}/toys/{toyId}": { "get": {} },
            "/a/b/c": { "get": {} },
            "/a/{x}/d": { "get": {} },
            "/files/{name}.{ext}": { "get": {} },
            "/report.{format}": { "get": {} },
            "/{page}": { "get": {} },
            "/orders/": { "get": {} },
            "/café": { "get": {} },
            "/Upper": { "get": {} },
            "/probe": { "get": {}, "head": { "operationId": "probeHead" } },
            "/": { "get": { "operationId": "root" } },
            "x-extension": { "get": {} }
          }
        }
        """;

    private static readonly OperationTable Table = OperationTable.Parse(Petstore, "application/json");

    [Theory]
    [InlineData("GET", "/pets", "/pets")]
    [InlineData("POST", "/pets", "/pets")]
    [InlineData("GET", "/pets/mine", "/pets/mine")]
    [InlineData("GET", "/pets/42", "/pets/{id}")]
    [InlineData("GET", "/pets/42/toys/7", "/pets/{id}/toys/{toyId}")]
    [InlineData("GET", "/", "/")]
    public void Match_DocumentedPath_ReturnsItsTemplate(string method, string path, string template) =>
        Assert.Equal(template, Table.Match(method, path)?.PathTemplate);

    [Fact]
    public void Match_ConcreteAndTemplatedBothFit_ConcreteWins()
    {
        Assert.Equal("myPets", Table.Match("GET", "/pets/mine")?.OperationId);
        Assert.Equal("getPet", Table.Match("GET", "/pets/yours")?.OperationId);
    }

    [Fact]
    public void Match_ConcreteHasNoSuchMethod_TemplatedOperationMatches() =>
        Assert.Equal("deletePet", Table.Match("DELETE", "/pets/mine")?.OperationId);

    [Fact]
    public void Match_ConcreteBranchLeadsNowhere_BacksUpToTemplate()
    {
        Assert.Equal("/a/b/c", Table.Match("GET", "/a/b/c")?.PathTemplate);
        Assert.Equal("/a/{x}/d", Table.Match("GET", "/a/b/d")?.PathTemplate);
    }

    [Theory]
    [InlineData("/files/report.pdf", "/files/{name}.{ext}")]
    [InlineData("/files/archive.tar.gz", "/files/{name}.{ext}")]
    [InlineData("/files/noextension", null)]
    [InlineData("/files/.hidden", null)]
    [InlineData("/files/trailing.", null)]
    [InlineData("/report.json", "/report.{format}")]
    [InlineData("/report", "/{page}")]
    [InlineData("/other.json", "/{page}")]
    public void Match_TemplateWithinSegment_MatchesWhenEveryVariableHasAValue(string path, string? template) =>
        Assert.Equal(template, Table.Match("GET", path)?.PathTemplate);

    [Theory]
    [InlineData("/upper", "/{page}")]
    [InlineData("/Upper", "/Upper")]
    [InlineData("/PETS", "/{page}")]
    public void Match_DifferentCase_IsAnotherPath(string path, string template) =>
        Assert.Equal(template, Table.Match("GET", path)?.PathTemplate);

    [Theory]
    [InlineData("/caf%C3%A9", "/café")]
    [InlineData("/caf%c3%a9", "/café")]
    [InlineData("/café", "/café")]
    [InlineData("/%70ets/mine", "/pets/mine")]
    [InlineData("/pets/a%2Fb", "/pets/{id}")]
    [InlineData("/pets/100%25/toys/%7E", "/pets/{id}/toys/{toyId}")]
    public void Match_PercentEncoding_MatchesDecodedSegments(string path, string template) =>
        Assert.Equal(template, Table.Match("GET", path)?.PathTemplate);

    [Fact]
    public void Match_LongPercentEncodedPath_DecodesBeyondTheStackBuffer()
    {
        var id = string.Concat(Enumerable.Repeat("%41", 400));
        Assert.Equal("/pets/{id}/toys/{toyId}", Table.Match("GET", $"/pets/{id}/toys/{id}")?.PathTemplate);
    }

    [Theory]
    [InlineData("/pets/", "/pets")]
    [InlineData("/pets/42/", "/pets/{id}")]
    [InlineData("/orders", "/orders/")]
    [InlineData("/orders/", "/orders/")]
    public void Match_OneTrailingSlash_IsTolerated(string path, string template) =>
        Assert.Equal(template, Table.Match("GET", path)?.PathTemplate);

    [Theory]
    [InlineData("/pets//", null)]
    [InlineData("/pets//toys/1", null)]
    [InlineData("//", "/")]
    public void Match_EmptySegment_IsNoVariableValue(string path, string? template) =>
        Assert.Equal(template, Table.Match("GET", path)?.PathTemplate);

    [Theory]
    [InlineData("/pets/42?expand=toys", "/pets/{id}")]
    [InlineData("/pets?limit=1/2", "/pets")]
    [InlineData("/pets#fragment", "/pets")]
    public void Match_QueryOrFragment_IsIgnored(string path, string template) =>
        Assert.Equal(template, Table.Match("GET", path)?.PathTemplate);

    [Fact]
    public void Match_HeadWithoutHeadOperation_FallsBackToGet()
    {
        var operation = Table.Match("HEAD", "/pets/42");
        Assert.Equal(("GET", "getPet"), (operation?.Method, operation?.OperationId));
        Assert.Equal("probeHead", Table.Match("HEAD", "/probe")?.OperationId);
        Assert.Null(Table.Match("HEAD", "/nope/at/all"));
    }

    [Theory]
    [InlineData("get")]
    [InlineData("PUT")]
    [InlineData("CONNECT")]
    [InlineData("PURGE")]
    [InlineData("")]
    public void Match_MethodNotDocumentedThere_ReturnsNull(string method) =>
        Assert.Null(Table.Match(method, "/pets/42"));

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("pets")]
    [InlineData("/pets/1/2/3/4")]
    public void Match_NoSuchPath_ReturnsNull(string path) =>
        Assert.Null(Table.Match("GET", path));

    [Fact]
    public void Parse_PathsKeysThatAreNotPaths_AreLeftOut()
    {
        Assert.DoesNotContain(Table.Operations, o => o.PathTemplate == "x-extension");
        Assert.Equal(17, Table.Operations.Count);
        Assert.All(Table.Operations, (o, i) => Assert.Equal(i, o.Index));
    }

    [Theory]
    [InlineData("/api/pets/42", "/pets/{id}")]
    [InlineData("/api/pets", "/pets")]
    [InlineData("/api", "/")]
    [InlineData("/api/", "/")]
    [InlineData("/pets/42", "/pets/{id}")]
    [InlineData("/apix/pets", null)]
    public void Match_Swagger2BasePath_IsRemovedWhenPresent(string path, string? template)
    {
        var table = OperationTable.Parse("""
            {"swagger": "2.0", "basePath": "/api/", "paths": {"/pets": {"get": {}}, "/pets/{id}": {"get": {}}, "/": {"get": {}}}}
            """, "application/json");
        Assert.Equal("/api", table.PathPrefix);
        Assert.Equal(template, table.Match("GET", path)?.PathTemplate);
    }

    [Theory]
    [InlineData("https://api.example.com/v1/shop", "/v1/shop/items/9", "/items/{id}")]
    [InlineData("/v1/shop/", "/v1/shop/items/9", "/items/{id}")]
    [InlineData("https://{region}.example.com/v1/shop", "/v1/shop/items/9", "/items/{id}")]
    [InlineData("https://api.example.com/{version}/shop", "/v1/shop/items/9", null)]
    [InlineData("https://api.example.com", "/items/9", "/items/{id}")]
    public void Match_OpenApi3ServerPath_IsRemovedWhenPresent(string serverUrl, string path, string? template)
    {
        var table = OperationTable.Parse($$"""
            openapi: 3.1.0
            servers:
              - url: '{{serverUrl}}'
              - url: /ignored
            paths:
              /items/{id}:
                get: {}
            """, "application/yaml");
        Assert.Equal(template, table.Match("GET", path)?.PathTemplate);
    }

    [Fact]
    public void Match_EncodedPrefix_ComparedDecoded()
    {
        var table = OperationTable.Parse("""{"openapi": "3.0.0", "servers": [{"url": "/my%20api"}], "paths": {"/x": {"get": {}}}}""", null);
        Assert.Equal("/x", table.Match("GET", "/my%20api/x")?.PathTemplate);
        Assert.Equal("/x", table.Match("GET", "/my api/x")?.PathTemplate);
    }

    [Fact]
    public void Parse_ServerPathDeeperThanPathsMayBe_IsIgnored()
    {
        var deep = string.Concat(Enumerable.Repeat("/s", OperationTable.MaxDepth + 1));
        var table = OperationTable.Parse("{\"openapi\": \"3.0.0\", \"servers\": [{\"url\": \"" + deep + "\"}], \"paths\": {\"/x\": {\"get\": {}}}}", null);
        Assert.Equal(string.Empty, table.PathPrefix);
        Assert.Equal("/x", table.Match("GET", "/x")?.PathTemplate);
    }

    [Fact]
    public void Parse_Yaml_ReadsMethodsOperationIdsAndPrefix()
    {
        var table = OperationTable.Parse("""
            # a comment first
            swagger: '2.0'
            basePath: /v2
            paths:
              "/users/{id}":
                get:
                  operationId: getUser
                  responses: { '200': { description: ok } }
                PATCH: { operationId: patchUser }
                parameters: [{ name: id, in: path }]
              /users:
                post: { operationId: "createUser" }
            """, "text/plain");
        Assert.Equal("/v2", table.PathPrefix);
        Assert.Equal(
            ["GET /users/{id} getUser", "PATCH /users/{id} patchUser", "POST /users createUser"],
            table.Operations.Select(o => $"{o.Key} {o.OperationId}"));
    }

    [Fact]
    public void Parse_DeeplyNestedJson_IsRead()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 500);
        var table = OperationTable.Parse("{\"openapi\": \"3.0.0\", \"components\": " + deep + ", \"paths\": {\"/x\": {\"get\": {\"x-deep\": " + deep + "}}}}", null);
        Assert.Null(table.Problem);
        Assert.Single(table.Operations);
    }

    [Fact]
    public void Parse_JsonWithBomCommentsAndTrailingCommas_IsRead()
    {
        var table = OperationTable.Parse("\uFEFF  {\"openapi\": \"3.0.0\", /* note */ \"paths\": {\"/x\": {\"get\": {},},},}", "application/json");
        Assert.Equal("GET /x", Assert.Single(table.Operations).Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("{")]
    [InlineData("{\"openapi\": \"3.0.0\", \"paths\": {\"/x\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{\"info\": {}, \"paths\": {\"/x\": {\"get\": {}}}}")]
    [InlineData("{\"openapi\": 3, \"paths\": {\"/x\": {\"get\": {}}}}")]
    [InlineData("<html><body>not found</body></html>")]
    [InlineData("openapi: [3.0")]
    [InlineData("paths:\n  /x:\n    get: {}\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("key: value\n\tbad: tab")]
    public void Parse_NotAReadableDocument_GivesEmptyTableWithProblem(string content)
    {
        var table = OperationTable.Parse(content, "application/json");
        Assert.Empty(table.Operations);
        Assert.NotNull(table.Problem);
        Assert.Null(table.Match("GET", "/x"));
    }

    [Fact]
    public void Parse_RandomBytes_NeverThrows()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            var text = (i % 2 == 0 ? "{" : "openapi: 3.0.0\npaths:\n") + Encoding.Latin1.GetString(bytes);
            var table = OperationTable.Parse(text, null);
            Assert.NotNull(table);
        }
    }

    [Fact]
    public void Parse_TemplatesDifferingOnlyInNames_FirstGetsTheRequests()
    {
        var table = OperationTable.Parse("""{"openapi": "3.0.0", "paths": {"/x/{a}": {"get": {}}, "/x/{b}": {"get": {}}}}""", null);
        Assert.Equal(2, table.Operations.Count);
        Assert.Equal("/x/{a}", table.Match("GET", "/x/1")?.PathTemplate);
    }

    [Fact]
    public void Parse_OverlongPathTemplate_IsLeftOut()
    {
        var longPath = "/" + new string('a', OperationTable.MaxPathTemplateLength);
        var table = OperationTable.Parse("{\"openapi\": \"3.0.0\", \"paths\": {\"" + longPath + "\": {\"get\": {}}, \"/ok\": {\"get\": {}}}}", null);
        Assert.Equal("GET /ok", Assert.Single(table.Operations).Key);
    }

    public static TheoryData<string, int, string> SharedDocuments => new()
    {
        { "OpenAPI-Specification_v20_petstore-expanded.json", 4, "/api" },
        { "OpenAPI-Specification_v20_uber.yaml", 5, "/v1" },
        { "OpenAPI-Specification_v30_callback-example.yaml", 1, "" },
        { "OpenAPI-Specification_v30_link-example.yaml", 6, "" },
        { "OpenAPI-Specification_v30_petstore-expanded.yaml", 4, "/v2" },
        { "OpenAPI-Specification_v31_webhook-example.yaml", 0, "" },
        { "api-schema_reference_events-v2_openapiv3.json", 2, "/v2" },
        { "swagger-petstore_openapi.yaml", 19, "/api/v3" },
    };

    [Fact]
    public void SharedDocuments_CoverEveryFileInTheFolder() =>
        Assert.Equal(
            Directory.GetFiles(SharedOpenApiDocuments.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            SharedDocuments.Select(row => (string)row[0]).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(SharedDocuments))]
    public void Parse_RealDocument_EveryOperationMatchesItsOwnPath(string fileName, int operations, string prefix)
    {
        var table = OperationTable.Parse(SharedOpenApiDocuments.Read(fileName), fileName.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "application/yaml");

        Assert.Null(table.Problem);
        Assert.Equal(operations, table.Operations.Count);
        Assert.Equal(prefix, table.PathPrefix);
        foreach (var operation in table.Operations)
        {
            // A concrete path for the template: every {variable} filled with a value no literal has.
            var path = System.Text.RegularExpressions.Regex.Replace(operation.PathTemplate, "{[^}]*}", "zz9");
            Assert.Equal(operation, table.Match(operation.Method, prefix + path));
            Assert.Equal(operation, table.Match(operation.Method, path));
        }
    }

    [Fact]
    public void Parse_SwaggerPetstore_ConcretePathBeatsTemplate()
    {
        var table = OperationTable.Parse(SharedOpenApiDocuments.Read("swagger-petstore_openapi.yaml"), "application/yaml");
        Assert.Equal("findPetsByStatus", table.Match("GET", "/api/v3/pet/findByStatus?status=sold")?.OperationId);
        Assert.Equal("getPetById", table.Match("GET", "/api/v3/pet/10")?.OperationId);
        Assert.Equal("uploadFile", table.Match("POST", "/api/v3/pet/10/uploadImage")?.OperationId);
        Assert.Null(table.Match("GET", "/api/v3/pet/10/uploadImage"));
    }

    [Fact]
    public void Match_KnownPaths_AllocatesNothing()
    {
        string[] paths = ["/pets/42", "/pets/mine", "/files/a.b", "/caf%C3%A9", "/pets/1/toys/2/", "/nope/x/y", "/report.json?x=1"];
        foreach (var path in paths)
        {
            Table.Match("GET", path);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            foreach (var path in paths)
            {
                Table.Match("GET", path);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
