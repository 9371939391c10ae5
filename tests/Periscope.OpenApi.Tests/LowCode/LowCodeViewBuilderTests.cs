using System.Text.Json.Nodes;
using Periscope.OpenApi.LowCode;
using Periscope.OpenApi.Operations;

namespace Periscope.OpenApi.Tests.LowCode;

public sealed class LowCodeViewBuilderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Build_PathAndOperationParameters_AreMergedAndTheOperationWins()
    {
        var view = Build("""
            {"paths":{"/pets/{id}":{
              "parameters":[{"name":"id","in":"path","required":true,"description":"path level","schema":{"type":"string"}},
                            {"name":"trace","in":"header","schema":{"type":"string"}}],
              "get":{"parameters":[{"name":"id","in":"path","required":true,"description":"operation level","schema":{"type":"integer"}},
                                   {"name":"verbose","in":"query","required":true,"deprecated":true,"schema":{"type":"boolean"}}],
                     "responses":{}}}}}
            """);

        var parameters = view["parameters"]!;
        Assert.Equal(["path", "query", "header"], parameters.AsObject().Select(p => p.Key));
        Assert.Equal("""{"type":"integer","description":"operation level"}""", parameters["path"]!["properties"]!["id"]!.ToJsonString());
        Assert.Equal(["verbose"], parameters["query"]!["required"]!.AsArray().Select(v => (string)v!));
        Assert.True((bool)parameters["query"]!["properties"]!["verbose"]!["deprecated"]!);
        Assert.Null(parameters["header"]!["required"]);
    }

    [Fact]
    public void Build_ReservedHeaderParameters_AreIgnored()
    {
        var view = Build("""
            {"paths":{"/a":{"get":{"parameters":[
              {"name":"accept","in":"header","schema":{"type":"string"}},
              {"name":"Content-Type","in":"header","schema":{"type":"string"}},
              {"name":"Authorization","in":"header","schema":{"type":"string"}},
              {"name":"Authorization","in":"query","schema":{"type":"string"}}],"responses":{}}}}}
            """);

        Assert.Null(view["parameters"]!["header"]);
        Assert.NotNull(view["parameters"]!["query"]!["properties"]!["Authorization"]);
    }

    [Fact]
    public void Build_ParameterExamplesMap_BecomesExamplesArray()
    {
        var view = Build("""
            {"paths":{"/a":{"get":{"parameters":[{"name":"q","in":"query","schema":{"type":"string","example":"schema level"},
              "examples":{"one":{"value":"first"},"two":{"$ref":"#/components/examples/Two"},"far":{"externalValue":"https://example.com/x"}}}],"responses":{}}}},
             "components":{"examples":{"Two":{"value":"second"}}}}
            """);

        Assert.Equal("""["first","second"]""", view["parameters"]!["query"]!["properties"]!["q"]!["examples"]!.ToJsonString());
    }

    [Fact]
    public void Build_OperationWithoutBodyOrParameters_HasNullBodyAndEmptyParameters()
    {
        var view = Build("""{"paths":{"/a":{"delete":{"operationId":"remove","tags":["x"],"deprecated":true,"responses":{"204":{"description":"gone"}}}}}}""");

        Assert.Equal(
            """{"method":"DELETE","path":"/a","operationId":"remove","summary":null,"description":null,"tags":["x"],"deprecated":true,"parameters":{},"requestBody":null,"responses":{"204":{"description":"gone"}}}""",
            view.ToJsonString());
    }

    [Fact]
    public void Build_ResponseReferencesAndHeaders_AreResolved()
    {
        var view = Build("""
            {"paths":{"/a":{"get":{"responses":{
              "200":{"$ref":"#/components/responses/Ok"},
              "404":{"$ref":"#/components/responses/Missing"}}}}},
             "components":{"responses":{"Ok":{"description":"fine",
               "headers":{"Content-Type":{"schema":{"type":"string"}},"X-Rate":{"$ref":"#/components/headers/Rate"}},
               "content":{"text/plain":{}}}},
               "headers":{"Rate":{"description":"calls left","schema":{"type":"integer"}}}}}
            """);

        var ok = view["responses"]!["200"]!;
        Assert.Equal("fine", (string?)ok["description"]);
        Assert.Equal(["X-Rate"], ok["headers"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal("calls left", (string?)ok["headers"]!["properties"]!["X-Rate"]!["description"]);
        Assert.Equal("{}", ok["content"]!["text/plain"]!.ToJsonString());
        Assert.Equal("""{"$ref":"#/components/responses/Missing","x-periscope-unresolved":true}""", view["responses"]!["404"]!.ToJsonString());
    }

    [Fact]
    public void Build_TopLevelSchemas_NameTheDialectFirst()
    {
        var view = Build("""
            {"paths":{"/a":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/A"}},"text/plain":{"schema":true}}},
              "responses":{"200":{"description":"ok","content":{"application/json":{"schema":false}}}}}}},
             "components":{"schemas":{"A":{"type":"object"}}}}
            """);

        var content = view["requestBody"]!["content"]!;
        Assert.Equal("""{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object"}""", content["application/json"]!["schema"]!.ToJsonString());
        Assert.Equal("""{"$schema":"https://json-schema.org/draft/2020-12/schema"}""", content["text/plain"]!["schema"]!.ToJsonString());
        Assert.Equal("""{"$schema":"https://json-schema.org/draft/2020-12/schema","not":{}}""", view["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.ToJsonString());
        Assert.False((bool)view["requestBody"]!["required"]!);
    }

    [Fact]
    public void Build_TruncatedView_Warns()
    {
        var schemas = new JsonObject();
        for (var i = 0; i < 30; i++)
        {
            var next = new JsonObject { ["$ref"] = $"#/components/schemas/S{i + 1}" };
            schemas[$"S{i}"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["a"] = next, ["b"] = next.DeepClone() } };
        }

        schemas["S30"] = new JsonObject { ["type"] = "string" };
        var document = JsonNode.Parse("""{"paths":{"/a":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/S0"}}}}}}}}}""")!.AsObject();
        document["components"] = new JsonObject { ["schemas"] = schemas };

        var view = Build(document, operationNodes: 10_000);

        Assert.Contains("x-periscope-truncated", view.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(_diagnostics, d => d.Pointer == "/paths/~1a/get" && d.Message.Contains("truncated", StringComparison.Ordinal));
    }

    private JsonObject Build(string document) => Build(JsonNode.Parse(document)!.AsObject());

    private JsonObject Build(JsonObject document, long operationNodes = ExpansionBudget.DefaultOperationNodes)
    {
        var site = Assert.Single(OperationLocator.Locate(document, _diagnostics));
        var resolver = new ReferenceResolver(document, _diagnostics);
        var budget = new ExpansionBudget(operationNodes);
        var builder = new LowCodeViewBuilder(resolver, new SchemaInliner(resolver, budget), budget, _diagnostics);
        return JsonNode.Parse(builder.Build(site))!.AsObject();
    }
}
