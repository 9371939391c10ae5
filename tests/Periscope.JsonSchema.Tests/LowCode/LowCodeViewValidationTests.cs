using System.Text.Json;
using System.Text.Json.Nodes;

namespace Periscope.JsonSchema.Tests.LowCode;

/// <summary>Validates form values against the JSON Schemas of real low-code views, as the invoke gateway does.</summary>
public sealed class LowCodeViewValidationTests
{
    private const string Petstore = "swagger-petstore_openapi.yaml";

    [Theory]
    [MemberData(nameof(SharedOpenApiDocuments.Names), MemberType = typeof(SharedOpenApiDocuments))]
    public void Compile_EverySchemaOfEveryOperation_Compiles(string document)
    {
        var compiled = 0;
        var operations = SharedOpenApiDocuments.Parse(document).Operations;
        foreach (var operation in operations)
        {
            var view = JsonNode.Parse(operation.LowCodeViewJson)!;
            foreach (var schema in SchemasOf(view))
            {
                JsonSchemaValidator.Compile(JsonSerializer.SerializeToElement(schema));
                compiled++;
            }
        }

        // A document of webhooks only (OpenAPI 3.1 §4.8.1) has no operations to invoke.
        Assert.True(compiled > 0 || operations.Count == 0, $"{document} has operations but yielded no schema");
    }

    [Fact]
    public void Validate_PetstoreAddPetValidBody_HasNoErrors()
    {
        var validator = BodySchema("addPet");

        var errors = validator.Validate(Json("""
            {"id":10,"name":"doggie","category":{"id":1,"name":"Dogs"},"photoUrls":["https://example.com/d.png"],
             "tags":[{"id":3,"name":"good"}],"status":"available"}
            """));

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_PetstoreAddPetInvalidBody_ListsEachFailingField()
    {
        var validator = BodySchema("addPet");

        var errors = validator.Validate(Json("""{"id":"ten","photoUrls":"one","tags":[{"id":1.5}],"status":"lost"}"""));

        Assert.Equal(
            [("/name", "required"), ("/id", "type"), ("/photoUrls", "type"), ("/tags/0/id", "type"), ("/tags/0/id", "format"), ("/status", "enum")],
            errors.Select(e => (e.InstancePath, e.Keyword)));
        Assert.Equal("must be one of: \"available\", \"pending\", \"sold\"", errors[^1].Message);
    }

    [Fact]
    public void Validate_PetstorePathParameters_RequireAnInt64PetId()
    {
        var view = SharedOpenApiDocuments.View(Petstore, "getPetById");
        var validator = JsonSchemaValidator.Compile(JsonSerializer.SerializeToElement(view["parameters"]!["path"]));

        var missing = Assert.Single(validator.Validate(Json("{}")));
        var tooBig = Assert.Single(validator.Validate(Json("""{"petId":9223372036854775808}""")));

        Assert.Empty(validator.Validate(Json("""{"petId":42}""")));
        Assert.Equal(("/petId", "required"), (missing.InstancePath, missing.Keyword));
        Assert.Equal(("/petId", "format"), (tooBig.InstancePath, tooBig.Keyword));
    }

    [Fact]
    public void Validate_RecursiveModelCutByTheInliner_AcceptsWhatWasNotExpanded()
    {
        var document = """
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},
             "paths":{"/nodes":{"post":{"operationId":"addNode","requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Node"}}}},"responses":{"200":{"description":"ok"}}}}},
             "components":{"schemas":{"Node":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"child":{"$ref":"#/components/schemas/Node"}}}}}}
            """;
        var operation = new Periscope.OpenApi.OpenApiDocumentParser().Parse(document, "application/json").Operations.Single();
        var schema = JsonNode.Parse(operation.LowCodeViewJson)!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.Contains("x-periscope-cycle", schema.ToJsonString(), StringComparison.Ordinal);
        var validator = JsonSchemaValidator.Compile(JsonSerializer.SerializeToElement(schema));

        Assert.Empty(validator.Validate(Json("""{"name":"root","child":{"anything":["goes",1]}}""")));
        Assert.Equal("/name", Assert.Single(validator.Validate(Json("""{"name":1,"child":{}}"""))).InstancePath);
    }

    private static JsonSchemaValidator BodySchema(string slug)
    {
        var view = SharedOpenApiDocuments.View(Petstore, slug);
        return JsonSchemaValidator.Compile(JsonSerializer.SerializeToElement(view["requestBody"]!["content"]!["application/json"]!["schema"]));
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    // The view's schemas: one per parameter location, one per request and response media type, response headers.
    private static IEnumerable<JsonNode> SchemasOf(JsonNode view)
    {
        foreach (var (_, location) in view["parameters"]?.AsObject() ?? [])
        {
            yield return location!;
        }

        foreach (var (_, media) in view["requestBody"]?["content"]?.AsObject() ?? [])
        {
            if (media?["schema"] is { } schema)
            {
                yield return schema;
            }
        }

        foreach (var (_, response) in view["responses"]?.AsObject() ?? [])
        {
            if (response?["headers"] is { } headers)
            {
                yield return headers;
            }

            foreach (var (_, media) in response?["content"]?.AsObject() ?? [])
            {
                if (media?["schema"] is { } schema)
                {
                    yield return schema;
                }
            }
        }
    }
}
