using System.Text.Json.Nodes;

namespace Periscope.OpenApi.Tests;

public sealed class OpenApiDocumentParserTests
{
    private readonly OpenApiDocumentParser _parser = new();

    public static TheoryData<string> SharedDocuments() => TestDocuments.SharedTheoryData();

    [Fact]
    public void SharedTestData_FolderBesideRepository_HoldsTheRealDocuments()
    {
        var names = TestDocuments.SharedNames().ToList();

        Assert.Contains("swagger-petstore_openapi.yaml", names);
        Assert.True(names.Count >= 8, $"expected at least 8 documents in {TestDocuments.SharedOpenApiDirectory}, found {names.Count}");
    }

    [Theory]
    [MemberData(nameof(SharedDocuments))]
    public void Parse_RealDocument_SucceedsWithSelfContainedViews(string name)
    {
        var document = _parser.Parse(TestDocuments.Shared(name), null);

        Assert.True(document.Succeeded, string.Join("; ", document.Diagnostics));
        Assert.DoesNotContain(document.Diagnostics, d => d.Severity == ParseDiagnostic.Error);
        Assert.NotNull(document.SourceVersion);
        Assert.False(string.IsNullOrEmpty(document.Title));
        Assert.Contains("\"openapi\":\"3.1.", document.NormalizedJson, StringComparison.Ordinal);
        foreach (var operation in document.Operations)
        {
            var view = JsonNode.Parse(operation.LowCodeViewJson)!;
            Assert.Equal(operation.Method, (string?)view["method"]);
            Assert.Equal(operation.PathTemplate, (string?)view["path"]);
            AssertNoReferencesExceptMarkers(view, $"{name} {operation.Method} {operation.PathTemplate}");
        }
    }

    [Theory]
    [InlineData("OpenAPI-Specification_v20_petstore-expanded.json", "2.0", 4)]
    [InlineData("OpenAPI-Specification_v20_uber.yaml", "2.0", 5)]
    [InlineData("OpenAPI-Specification_v30_callback-example.yaml", "3.0.0", 1)]
    [InlineData("OpenAPI-Specification_v30_link-example.yaml", "3.0.0", 6)]
    [InlineData("OpenAPI-Specification_v30_petstore-expanded.yaml", "3.0.0", 4)]
    [InlineData("OpenAPI-Specification_v31_webhook-example.yaml", "3.1.0", 0)]
    [InlineData("api-schema_reference_events-v2_openapiv3.json", "3.0.2", 2)]
    [InlineData("swagger-petstore_openapi.yaml", "3.0.4", 19)]
    public void Parse_RealDocument_ListsItsPathOperations(string name, string version, int operations)
    {
        var document = _parser.Parse(TestDocuments.Shared(name), null);

        Assert.Equal(version, document.SourceVersion);
        Assert.Equal(operations, document.Operations.Count);
        Assert.Equal(operations, document.Operations.Select(o => o.Slug).Distinct().Count());
    }

    [Fact]
    public void Parse_WebhookExample31_KeepsWebhookInNormalizedDocument()
    {
        var document = _parser.Parse(TestDocuments.Shared("OpenAPI-Specification_v31_webhook-example.yaml"), "application/yaml");

        var normalized = JsonNode.Parse(document.NormalizedJson!)!;
        Assert.NotNull(normalized["webhooks"]?["newPet"]?["post"]);
        Assert.Empty(document.Operations);
    }

    [Fact]
    public void Parse_SwaggerPetstore_PetSchemaKeepsRequiredEnumFormatAndExamples()
    {
        var document = _parser.Parse(TestDocuments.Shared("swagger-petstore_openapi.yaml"), "application/yaml");

        var pet = TestDocuments.View(document, "addPet")["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)pet["$schema"]);
        Assert.Equal(["name", "photoUrls"], pet["required"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["available", "pending", "sold"], pet["properties"]!["status"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("int64", (string?)pet["properties"]!["id"]!["format"]);
        Assert.Equal(10, (int)pet["properties"]!["id"]!["examples"]![0]!);
        Assert.Equal("Dogs", (string?)pet["properties"]!["category"]!["properties"]!["name"]!["examples"]![0]);
    }

    [Fact]
    public void Parse_SwaggerPetstore_PathParameterIsRequiredInPathSchema()
    {
        var document = _parser.Parse(TestDocuments.Shared("swagger-petstore_openapi.yaml"), null);

        var path = TestDocuments.View(document, "getPetById")["parameters"]!["path"]!;
        Assert.Equal("object", (string?)path["type"]);
        Assert.Equal(["petId"], path["required"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("integer", (string?)path["properties"]!["petId"]!["type"]);
        Assert.Equal("ID of pet to return", (string?)path["properties"]!["petId"]!["description"]);
    }

    [Fact]
    public void Parse_PetstoreExpanded30_PetIsAllOfNewPetAndId()
    {
        var document = _parser.Parse(TestDocuments.Shared("OpenAPI-Specification_v30_petstore-expanded.yaml"), null);

        var items = TestDocuments.View(document, "findPets")["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["items"]!;
        var parts = items["allOf"]!.AsArray();
        Assert.Equal(["name"], parts[0]!["required"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["id"], parts[1]!["required"]!.AsArray().Select(v => (string)v!));
    }

    [Theory]
    [InlineData("swagger20-store.json")]
    [InlineData("swagger20-store.yaml")]
    public void Parse_Swagger20BodyParameter_BecomesRequestBody(string fixture)
    {
        var document = _parser.Parse(TestDocuments.Fixture(fixture), null);

        Assert.True(document.Succeeded);
        Assert.Equal("2.0", document.SourceVersion);
        var body = TestDocuments.View(document, "replaceItem")["requestBody"]!;
        Assert.True((bool)body["required"]!);
        Assert.Equal("The new item", (string?)body["description"]);
        var item = body["content"]!["application/json"]!["schema"]!;
        Assert.Equal(["id", "name"], item["required"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["new", "used"], item["properties"]!["state"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("Lamp", (string?)item["properties"]!["name"]!["examples"]![0]);
        Assert.Equal(["null", "string"], item["properties"]!["note"]!["type"]!.AsArray().Select(v => (string)v!).Order());
    }

    [Fact]
    public void Parse_Swagger20FormData_BecomesRequiredMultipartFormContent()
    {
        var document = _parser.Parse(TestDocuments.Fixture("swagger20-store.json"), "application/json");

        var body = TestDocuments.View(document, "uploadPhoto")["requestBody"]!;
        Assert.True((bool)body["required"]!);
        var form = body["content"]!["multipart/form-data"]!["schema"]!;
        Assert.Equal("binary", (string?)form["properties"]!["photo"]!["format"]);
        Assert.Equal(140, (int)form["properties"]!["caption"]!["maxLength"]!);
        Assert.Equal(["photo"], form["required"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public void Parse_Swagger20_HostAndBasePathBecomeServerAndNoBodyResponsesHaveNoContent()
    {
        var document = _parser.Parse(TestDocuments.Fixture("swagger20-store.json"), null);

        var normalized = JsonNode.Parse(document.NormalizedJson!)!;
        Assert.Equal("https://store.example.com/api", (string?)normalized["servers"]![0]!["url"]);
        Assert.Null(normalized["paths"]!["/items/{itemId}"]!["get"]!["responses"]!["404"]!["content"]);
        Assert.Null(TestDocuments.View(document, "getItem")["responses"]!["404"]!["content"]);
    }

    [Fact]
    public void Parse_Swagger20JsonAndYaml_NormalizeToTheSameDocument()
    {
        var fromJson = _parser.Parse(TestDocuments.Fixture("swagger20-store.json"), null);
        var fromYaml = _parser.Parse(TestDocuments.Fixture("swagger20-store.yaml"), null);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(fromJson.NormalizedJson!), JsonNode.Parse(fromYaml.NormalizedJson!)));
        Assert.Equal(fromJson.Operations.Select(o => o.LowCodeViewJson), fromYaml.Operations.Select(o => o.LowCodeViewJson));
    }

    [Fact]
    public void Parse_OpenApi30Nullable_BecomesTypeArrayOrNullAlternative()
    {
        var document = _parser.Parse(TestDocuments.Fixture("openapi30-nullable.yaml"), null);

        var thing = JsonNode.Parse(document.NormalizedJson!)!["components"]!["schemas"]!["Thing"]!["properties"]!;
        Assert.Equal(["null", "string"], thing["label"]!["type"]!.AsArray().Select(v => (string)v!).Order());
        Assert.Equal("a label", (string?)thing["label"]!["examples"]![0]);
        Assert.Null(thing["label"]!["nullable"]);
        Assert.Equal(["null", "string"], thing["color"]!["type"]!.AsArray().Select(v => (string)v!).Order());
        Assert.Equal(["red", "green"], thing["color"]!["enum"]!.AsArray().Select(v => (string)v!));
        var owner = thing["owner"]!["anyOf"]!.AsArray();
        Assert.Equal("null", (string?)owner[1]!["type"]);
        Assert.Equal("#/components/schemas/Owner", (string?)owner[0]!["allOf"]![0]!["$ref"]);
        Assert.Equal(0, (int)thing["size"]!["exclusiveMinimum"]!);
        Assert.Null(thing["size"]!["minimum"]);
    }

    [Fact]
    public void Parse_OpenApi30NullableParameter_ViewHasTypeArray()
    {
        var document = _parser.Parse(TestDocuments.Fixture("openapi30-nullable.yaml"), null);

        var after = TestDocuments.View(document, "listThings")["parameters"]!["query"]!["properties"]!["after"]!;
        Assert.Equal(["null", "string"], after["type"]!.AsArray().Select(v => (string)v!).Order());
        Assert.Equal("date-time", (string?)after["format"]);
    }

    [Fact]
    public void Parse_OpenApi31Json_ViewsResolvePathItemsParametersBodiesAndResponses()
    {
        var document = _parser.Parse(TestDocuments.Fixture("openapi31-features.json"), "application/json");

        Assert.True(document.Succeeded);
        Assert.Equal("3.1.0", document.SourceVersion);
        var point = TestDocuments.View(document, "getPoint");
        Assert.Equal(["id"], point["parameters"]!["path"]!["required"]!.AsArray().Select(v => (string)v!));
        var coordinates = point["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["properties"]!["coordinates"]!;
        Assert.Equal(2, coordinates["prefixItems"]!.AsArray().Count);
        Assert.False((bool)coordinates["items"]!);

        var search = TestDocuments.View(document, "search");
        var query = search["parameters"]!["query"]!["properties"]!;
        Assert.Equal("Page size", (string?)query["limit"]!["description"]);
        Assert.Equal(10, (int)query["limit"]!["examples"]![0]!);
        Assert.Equal("string", (string?)query["filter"]!["properties"]!["q"]!["type"]);
        Assert.Null(search["parameters"]!["header"]);
        Assert.Equal(["session"], search["parameters"]!["cookie"]!["required"]!.AsArray().Select(v => (string)v!));
        Assert.True((bool)search["requestBody"]!["required"]!);
        var body = search["requestBody"]!["content"]!["application/json"]!;
        Assert.Equal("lamp", (string?)body["examples"]![0]!["text"]);
        Assert.Equal("Search around this point", (string?)body["schema"]!["properties"]!["near"]!["description"]);
        Assert.Equal(["X-Total"], search["responses"]!["200"]!["headers"]!["required"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public void Parse_SelfReferencingSchema_CutsOnceAtTheChildren()
    {
        var document = _parser.Parse(TestDocuments.Fixture("cycles.json"), null);

        var view = TestDocuments.View(document, "getTree");
        var node = view["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        var cut = node["properties"]!["children"]!["items"]!;
        Assert.Equal("#/components/schemas/Node", (string?)cut["x-periscope-cycle"]);
        Assert.Equal("Node", (string?)cut["title"]);
        Assert.Equal("object", (string?)cut["type"]);
        Assert.Equal("Recursive reference to Node (cut)", (string?)cut["description"]);
        Assert.Single(FindAll(view, "x-periscope-cycle"));
    }

    [Theory]
    [InlineData("getA", "b", "a", "#/components/schemas/A")]
    [InlineData("getB", "a", "b", "#/components/schemas/B")]
    public void Parse_MutuallyReferencingSchemas_CutWhereTheFirstRecurs(string slug, string outer, string inner, string cutAt)
    {
        var document = _parser.Parse(TestDocuments.Fixture("cycles.json"), null);

        var view = TestDocuments.View(document, slug);
        var schema = view["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        var cut = schema["properties"]![outer]!["properties"]![inner]!;
        Assert.Equal(cutAt, (string?)cut["x-periscope-cycle"]);
        Assert.Single(FindAll(view, "x-periscope-cycle"));
    }

    [Fact]
    public void Parse_DanglingReferences_KeepsMarkersAndWarns()
    {
        var document = _parser.Parse(TestDocuments.Fixture("dangling-ref.json"), null);

        Assert.True(document.Succeeded);
        Assert.Contains(document.Diagnostics, d => d.Severity == ParseDiagnostic.Warning && d.Message.Contains("#/components/schemas/Customer", StringComparison.Ordinal));
        Assert.Contains(document.Diagnostics, d => d.Severity == ParseDiagnostic.Warning && d.Message.Contains("#/components/parameters/Missing", StringComparison.Ordinal));
        var view = TestDocuments.View(document, "listOrders");
        var customer = view["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["items"]!["properties"]!["customer"]!;
        Assert.Equal("#/components/schemas/Customer", (string?)customer["$ref"]);
        Assert.True((bool)customer["x-periscope-unresolved"]!);
    }

    [Fact]
    public void Parse_DuplicateAndUnsafeOperationIds_FallBackToMethodAndPathHash()
    {
        var document = _parser.Parse(TestDocuments.Fixture("duplicate-operation-ids.json"), null);

        Assert.Equal(
            ["get-6a50dc858413", "get-9812b0b9d61e", "unique_one", "get-4823e769dbaf", "get-5ecc8c503f68"],
            document.Operations.Select(o => o.Slug));
        Assert.Equal("fetch", document.Operations[0].OperationId);
    }

    [Fact]
    public void Parse_YamlAnchorsAndMergeKeys_AreResolved()
    {
        var document = _parser.Parse(TestDocuments.Fixture("anchors.yaml"), null);

        Assert.True(document.Succeeded);
        foreach (var slug in new[] { "getA", "getB" })
        {
            var error = TestDocuments.View(document, slug)["responses"]!["default"]!;
            Assert.Equal("Something went wrong", (string?)error["description"]);
            Assert.Equal("string", (string?)error["content"]!["application/json"]!["schema"]!["properties"]!["message"]!["type"]);
        }

        var page = TestDocuments.View(document, "getA")["parameters"]!["query"]!["properties"]!["page"]!;
        Assert.Equal("integer", (string?)page["type"]);
        Assert.Equal(1, (int)page["minimum"]!);
        Assert.Equal(1, (int)page["default"]!);
    }

    [Fact]
    public void Parse_YamlScalars_AreTypedByTheCoreSchema()
    {
        var document = _parser.Parse(TestDocuments.Fixture("scalars.yaml"), null);

        Assert.Equal("1.10", document.ApiVersion);
        var query = TestDocuments.View(document, "getFlags")["parameters"]!["query"]!["properties"]!;
        Assert.Equal(["yes", "no", "true", "on"], query["mode"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.True(query["enabled"]!["default"]!.GetValue<bool>());
        Assert.Equal(16, (int)query["count"]!["default"]!);
        Assert.Equal(1000, (int)query["count"]!["maximum"]!);
        Assert.Equal("0.50", query["ratio"]!["default"]!.ToJsonString());
        Assert.Null(query["nothing"]!["default"]);
        Assert.True(query["nothing"]!.AsObject().ContainsKey("default"));
        Assert.Equal("007", query["code"]!["default"]!.GetValue<string>());
        Assert.Equal("042", query["code"]!["examples"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("broken.yaml", "line 5, column 2: ")]
    [InlineData("broken.json", "line 5, column 20: ")]
    public void Parse_SyntaxError_FailsWithLineAndColumn(string fixture, string prefix)
    {
        var document = _parser.Parse(TestDocuments.Fixture(fixture), null);

        Assert.False(document.Succeeded);
        Assert.Null(document.NormalizedJson);
        Assert.Empty(document.Operations);
        var error = Assert.Single(document.Diagnostics, d => d.Severity == ParseDiagnostic.Error);
        Assert.StartsWith(prefix, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonThatIsNotOpenApi_FailsWithClearError()
    {
        var document = _parser.Parse(TestDocuments.Fixture("not-openapi.json"), "application/json");

        Assert.False(document.Succeeded);
        Assert.Null(document.SourceVersion);
        Assert.Contains(document.Diagnostics, d => d.Severity == ParseDiagnostic.Error && d.Message.Contains("no 'openapi' or 'swagger' field", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AliasBomb_FailsInsteadOfExpanding()
    {
        var document = _parser.Parse(TestDocuments.Fixture("billion-laughs.yaml"), null);

        Assert.False(document.Succeeded);
        Assert.Contains(document.Diagnostics, d => d.Message.Contains("too many nodes", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnsupportedVersion_FailsAndReportsTheDeclaredVersion()
    {
        var document = _parser.Parse("""{"openapi":"4.0.0","info":{"title":"t","version":"1"},"paths":{}}""", null);

        Assert.False(document.Succeeded);
        Assert.Equal("4.0.0", document.SourceVersion);
        Assert.Contains(document.Diagnostics, d => d.Pointer == "/openapi" && d.Message.Contains("'4.0.0' is not supported", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnquotedSwaggerVersionInYaml_SucceedsWithWarning()
    {
        var document = _parser.Parse("swagger: 2.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {200: {description: ok}}\n", null);

        Assert.True(document.Succeeded, string.Join("; ", document.Diagnostics));
        Assert.Equal("2.0", document.SourceVersion);
        Assert.Contains(document.Diagnostics, d => d.Severity == ParseDiagnostic.Warning && d.Pointer == "/swagger");
        Assert.Single(document.Operations);
    }

    [Fact]
    public void Parse_MissingRequiredInfoFields_SucceedsWithErrors()
    {
        var document = _parser.Parse("""{"openapi":"3.0.0","paths":{"/a":{"get":{"responses":{"200":{"description":"ok"}}}}}}""", null);

        Assert.True(document.Succeeded);
        Assert.Contains(document.Diagnostics, d => d.Severity == ParseDiagnostic.Error && d.Pointer == "/info/title");
        Assert.Single(document.Operations);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("<html><body>Not found</body></html>")]
    [InlineData("{")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    [InlineData("- a\n- b\n")]
    [InlineData("openapi: [")]
    [InlineData("key: *undefined")]
    [InlineData("? [complex]\n: key\n")]
    [InlineData("{\"openapi\": 3}")]
    [InlineData("{\"openapi\": \"3.0.0\", \"openapi\": \"3.1.0\"}")]
    [InlineData("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{\"/a\":\"nope\",\"/b\":{\"get\":[]}}}")]
    [InlineData("{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{\"/a\":{\"get\":{\"parameters\":[1,{\"$ref\":7}],\"responses\":[]}}}}")]
    public void Parse_BadInput_ReturnsDiagnosticsInsteadOfThrowing(string content)
    {
        var document = _parser.Parse(content, null);

        Assert.True(!document.Succeeded || document.NormalizedJson is not null);
        if (!document.Succeeded)
        {
            Assert.Contains(document.Diagnostics, d => d.Severity == ParseDiagnostic.Error);
        }
    }

    [Fact]
    public void Parse_DeeplyNestedYaml_FailsWithoutOverflowingTheStack()
    {
        var content = "openapi: 3.0.0\nx: " + new string('[', 5000) + new string(']', 5000) + "\n";

        var document = _parser.Parse(content, null);

        Assert.False(document.Succeeded);
        Assert.Contains(document.Diagnostics, d => d.Message.Contains("deeper than", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CancelledToken_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => _parser.Parse(TestDocuments.Fixture("swagger20-store.yaml"), null, cancellation.Token));
    }

    [Fact]
    public void Parse_NullContent_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _parser.Parse(null!, null));
    }

    [Fact]
    public void Parse_SameDocumentTwice_GivesIdenticalResults()
    {
        var content = TestDocuments.Shared("swagger-petstore_openapi.yaml");

        var first = _parser.Parse(content, null);
        var second = _parser.Parse(content, null);

        Assert.Equal(first.NormalizedJson, second.NormalizedJson);
        Assert.Equal(first.Operations, second.Operations, (a, b) => a.Slug == b.Slug && a.LowCodeViewJson == b.LowCodeViewJson);
    }

    [Fact]
    public void Parse_OperationAdded_OtherSlugsUnchanged()
    {
        const string Before = """{"openapi":"3.0.0","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"ok"}}}},"/b":{"get":{"operationId":"getB","responses":{"200":{"description":"ok"}}}}}}""";
        var after = Before.Replace("\"paths\":{", "\"paths\":{\"/new\":{\"post\":{\"operationId\":\"create\",\"responses\":{\"201\":{\"description\":\"ok\"}}}},", StringComparison.Ordinal);

        var slugsBefore = _parser.Parse(Before, null).Operations.Select(o => o.Slug).ToList();
        var slugsAfter = _parser.Parse(after, null).Operations.Select(o => o.Slug).ToList();

        Assert.Equal(["get-6a50dc858413", "getB"], slugsBefore);
        Assert.Equal(["create", "get-6a50dc858413", "getB"], slugsAfter);
    }

    [Fact]
    public void Parse_ConcurrentCalls_GiveTheSameResult()
    {
        var content = TestDocuments.Shared("swagger-petstore_openapi.yaml");
        var expected = _parser.Parse(content, null);

        var results = new ParsedDocument[8];
        Parallel.For(0, results.Length, i => results[i] = _parser.Parse(content, null));

        Assert.All(results, result =>
        {
            Assert.Equal(expected.NormalizedJson, result.NormalizedJson);
            Assert.Equal(expected.Operations.Select(o => o.LowCodeViewJson), result.Operations.Select(o => o.LowCodeViewJson));
        });
    }

    [Fact]
    public void Parse_GeneratedLargeDocument_ListsEveryOperation()
    {
        var content = LargeDocument(paths: 1000);
        Assert.True(content.Length > 1_800_000, $"generated {content.Length} characters");

        var document = _parser.Parse(content, null);

        Assert.True(document.Succeeded, string.Join("; ", document.Diagnostics.Take(5)));
        Assert.Equal(3000, document.Operations.Count);
        Assert.Equal(3000, document.Operations.Select(o => o.Slug).Distinct().Count());
        var view = TestDocuments.View(document, "update_198");
        var body = view["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("Schema 198", (string?)body["description"]);
        Assert.Equal("#/components/schemas/Schema198", (string?)body["properties"]!["self"]!["x-periscope-cycle"]);
        Assert.DoesNotContain(document.Diagnostics, d => d.Severity == ParseDiagnostic.Error);
        Assert.All(document.Operations, operation => JsonNode.Parse(operation.LowCodeViewJson));
        Assert.InRange(document.Diagnostics.Count(d => d.Message.Contains("truncated", StringComparison.Ordinal)), 1, 20);
    }

    // 1000 paths with get/put/delete each, over 200 schemas that refer to later ones (some to themselves).
    private static string LargeDocument(int paths)
    {
        var pathItems = new JsonObject();
        for (var p = 0; p < paths; p++)
        {
            var schema = $"#/components/schemas/Schema{p % 200}";
            pathItems[$"/things{p}/{{id}}"] = new JsonObject
            {
                ["parameters"] = new JsonArray(new JsonObject
                {
                    ["name"] = "id",
                    ["in"] = "path",
                    ["required"] = true,
                    ["schema"] = new JsonObject { ["type"] = "string", ["description"] = new string('x', 600) },
                }),
                ["get"] = new JsonObject
                {
                    ["operationId"] = $"get_{p}",
                    ["summary"] = $"Get thing {p}",
                    ["description"] = $"Gets thing {p}. " + new string('y', 400),
                    ["tags"] = new JsonArray($"t{p % 10}"),
                    ["parameters"] = new JsonArray(new JsonObject { ["name"] = "q", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } }),
                    ["responses"] = new JsonObject { ["200"] = JsonResponse(schema) },
                },
                ["put"] = new JsonObject
                {
                    ["operationId"] = $"update_{p}",
                    ["requestBody"] = new JsonObject { ["required"] = true, ["content"] = JsonContent(schema) },
                    ["responses"] = new JsonObject { ["200"] = JsonResponse(schema) },
                },
                ["delete"] = new JsonObject
                {
                    ["operationId"] = $"delete_{p}",
                    ["responses"] = new JsonObject { ["204"] = new JsonObject { ["description"] = "gone" } },
                },
            };
        }

        var schemas = new JsonObject();
        for (var s = 0; s < 200; s++)
        {
            var properties = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "integer", ["format"] = "int64" },
                ["name"] = new JsonObject { ["type"] = "string", ["example"] = $"thing {s}" },
                ["state"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("a", "b", "c") },
            };
            if (s + 1 < 200)
            {
                properties["next"] = new JsonObject { ["$ref"] = $"#/components/schemas/Schema{s + 1}" };
            }

            if (s % 3 == 0)
            {
                properties["self"] = new JsonObject { ["$ref"] = $"#/components/schemas/Schema{s}" };
            }

            schemas[$"Schema{s}"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = $"Schema {s}",
                ["required"] = new JsonArray("id"),
                ["properties"] = properties,
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "Large", ["version"] = "1" },
            ["paths"] = pathItems,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        }.ToJsonString();
    }

    private static JsonObject JsonContent(string schemaReference) =>
        new() { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = schemaReference } } };

    private static JsonObject JsonResponse(string schemaReference) =>
        new() { ["description"] = "ok", ["content"] = JsonContent(schemaReference) };

    private static void AssertNoReferencesExceptMarkers(JsonNode node, string where)
    {
        foreach (var obj in FindAll(node, "$ref"))
        {
            Assert.True(obj.ContainsKey("x-periscope-unresolved"), $"{where}: unexpected $ref {obj.ToJsonString()}");
        }
    }

    private static List<JsonObject> FindAll(JsonNode? node, string key)
    {
        var found = new List<JsonObject>();
        switch (node)
        {
            case JsonObject obj:
                if (obj.ContainsKey(key))
                {
                    found.Add(obj);
                }

                foreach (var (_, value) in obj)
                {
                    found.AddRange(FindAll(value, key));
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    found.AddRange(FindAll(item, key));
                }

                break;
        }

        return found;
    }
}
