using System.Text.Json.Nodes;
using Periscope.OpenApi.LowCode;

namespace Periscope.OpenApi.Tests.LowCode;

public sealed class SchemaInlinerTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Inline_SelfReference_CutsWhereItRecurs()
    {
        var inliner = Inliner("""{"Node":{"type":"object","properties":{"children":{"type":"array","items":{"$ref":"#/components/schemas/Node"}}}}}""");

        var node = Inline(inliner, "Node");

        Assert.Equal(
            """{"type":"object","properties":{"children":{"type":"array","items":{"type":"object","title":"Node","description":"Recursive reference to Node (cut)","x-periscope-cycle":"#/components/schemas/Node"}}}}""",
            node.ToJsonString());
    }

    [Fact]
    public void Inline_MutualReferences_CutAtTheFirstToRecurAlsoAfterTheOtherWasExpanded()
    {
        var inliner = Inliner("""
            {"A":{"type":"object","properties":{"b":{"$ref":"#/components/schemas/B"}}},
             "B":{"type":"array","items":{"$ref":"#/components/schemas/A"}}}
            """);

        var a = Inline(inliner, "A");
        var b = Inline(inliner, "B");

        Assert.Equal("#/components/schemas/A", (string?)a["properties"]!["b"]!["items"]!["x-periscope-cycle"]);
        Assert.Equal("#/components/schemas/B", (string?)b["items"]!["properties"]!["b"]!["x-periscope-cycle"]);
        Assert.Equal("array", (string?)b["items"]!["properties"]!["b"]!["type"]);
    }

    [Fact]
    public void Inline_RecursiveSchemaCachedInOneContext_IsReusedWithTheSameCutsInAnother()
    {
        const string Schemas = """
            {"Node":{"type":"object","properties":{"parent":{"$ref":"#/components/schemas/Node"}}},
             "Box":{"type":"object","properties":{"tree":{"$ref":"#/components/schemas/Node"}}},
             "Crate":{"type":"array","items":{"$ref":"#/components/schemas/Box"}}}
            """;
        var warm = Inliner(Schemas);
        Inline(warm, "Box");

        var reused = Inline(warm, "Crate");

        Assert.Equal(Inline(Inliner(Schemas), "Crate").ToJsonString(), reused.ToJsonString());
        Assert.Equal("#/components/schemas/Node", (string?)reused["items"]!["properties"]!["tree"]!["properties"]!["parent"]!["x-periscope-cycle"]);
    }

    [Fact]
    public void Inline_CachedExpansionThatReachesAnEnclosingReference_IsExpandedAfreshAndCutThere()
    {
        const string Schemas = """
            {"A":{"type":"object","properties":{"b":{"$ref":"#/components/schemas/B"}}},
             "B":{"type":"object","properties":{"a":{"$ref":"#/components/schemas/A"},"n":{"$ref":"#/components/schemas/N"}}},
             "N":{"type":"object","properties":{"next":{"$ref":"#/components/schemas/N"}}}}
            """;
        var warm = Inliner(Schemas);
        Inline(warm, "B");

        var a = Inline(warm, "A");

        Assert.Equal(Inline(Inliner(Schemas), "A").ToJsonString(), a.ToJsonString());
        Assert.Equal("#/components/schemas/A", (string?)a["properties"]!["b"]!["properties"]!["a"]!["x-periscope-cycle"]);
    }

    [Fact]
    public void Inline_CachedExpansionReusedNearTheDepthLimit_IsTruncatedAsAFreshOne()
    {
        const string Schemas = """
            {"Node":{"type":"object","properties":{"name":{"type":"string"},"next":{"$ref":"#/components/schemas/Node"}}},
             "Deep":{"type":"object","properties":{"a":{"type":"object","properties":{"node":{"$ref":"#/components/schemas/Node"}}}}}}
            """;
        var warm = Inliner(Schemas, maxDepth: 8);
        Inline(warm, "Node");

        var deep = Inline(warm, "Deep");

        Assert.Equal(Inline(Inliner(Schemas, maxDepth: 8), "Deep").ToJsonString(), deep.ToJsonString());
        Assert.NotNull(deep["properties"]!["a"]!["properties"]!["node"]!["properties"]!["name"]!["x-periscope-truncated"]);
    }

    [Fact]
    public void Inline_SchemaUsedTwice_ExpandsIndependentCopies()
    {
        var inliner = Inliner("""
            {"Pair":{"type":"object","properties":{"left":{"$ref":"#/components/schemas/Leaf"},"right":{"$ref":"#/components/schemas/Leaf"}}},
             "Leaf":{"type":"string","minLength":1}}
            """);

        var first = Inline(inliner, "Pair");
        first["properties"]!["left"]!["minLength"] = 99;
        var second = Inline(inliner, "Pair");

        Assert.Equal(1, (int)first["properties"]!["right"]!["minLength"]!);
        Assert.Equal(1, (int)second["properties"]!["left"]!["minLength"]!);
    }

    [Fact]
    public void Inline_DanglingReference_KeepsMarkerAndWarnsOnce()
    {
        var inliner = Inliner("""{"A":{"type":"object","properties":{"x":{"$ref":"#/components/schemas/Gone"},"y":{"$ref":"#/components/schemas/Gone"}}}}""");

        var a = Inline(inliner, "A");
        Inline(inliner, "A");

        Assert.Equal("""{"$ref":"#/components/schemas/Gone","x-periscope-unresolved":true}""", a["properties"]!["x"]!.ToJsonString());
        var warning = Assert.Single(_diagnostics);
        Assert.Equal(ParseDiagnostic.Warning, warning.Severity);
        Assert.Equal("/paths/~1test/get", warning.Pointer);
    }

    [Fact]
    public void Inline_ExternalReference_IsKeptUnresolved()
    {
        var inliner = Inliner("""{"A":{"$ref":"https://example.com/pet.json"}}""");

        var a = Inline(inliner, "A");

        Assert.True((bool)a["x-periscope-unresolved"]!);
        Assert.Contains("not a local reference", Assert.Single(_diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inline_NestingBeyondMaxDepth_IsTruncated()
    {
        // L sits at depth 1, M at 3 and N at 5 (each under properties); with 6 levels N's members no longer fit.
        var inliner = Inliner("""{"L":{"type":"object","properties":{"next":{"$ref":"#/components/schemas/M"}}},"M":{"type":"object","properties":{"next":{"$ref":"#/components/schemas/N"}}},"N":{"type":"object","properties":{"leaf":{"type":"string"}}}}""", maxDepth: 6);

        var l = Inline(inliner, "L");

        var cut = l["properties"]!["next"]!["properties"]!["next"]!;
        Assert.Equal("N", (string?)cut["title"]);
        Assert.NotNull(cut["x-periscope-truncated"]);
        Assert.True(inliner.Truncated);
        Assert.True(ContainerDepth(l) <= 6);
    }

    [Fact]
    public void Inline_ExponentialDefinitions_StopAtTheBudget()
    {
        var schemas = new JsonObject();
        for (var i = 0; i < 40; i++)
        {
            var next = new JsonObject { ["$ref"] = $"#/components/schemas/S{i + 1}" };
            schemas[$"S{i}"] = i == 39
                ? new JsonObject { ["type"] = "string" }
                : new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["a"] = next, ["b"] = next.DeepClone() } };
        }

        var inliner = Inliner(schemas.ToJsonString(), maxDepth: 100, operationNodes: 5_000);

        var s0 = Inline(inliner, "S0");

        Assert.True(inliner.Truncated);
        Assert.InRange(CountNodes(s0), 1, 6_000);
    }

    [Fact]
    public void Inline_ReferenceWithAnnotationSiblings_RefinesTheTarget()
    {
        var inliner = Inliner("""{"A":{"type":"object","properties":{"p":{"$ref":"#/components/schemas/P","description":"The point","example":{"x":1}}}},"P":{"type":"object","description":"A point"}}""");

        var p = Inline(inliner, "A")["properties"]!["p"]!;

        Assert.Equal("""{"type":"object","description":"The point","examples":[{"x":1}]}""", p.ToJsonString());
    }

    [Fact]
    public void Inline_DeepInlineNestingAndDeepExample_StayWithinTheDepthLimit()
    {
        var nested = new JsonObject { ["type"] = "string" };
        var example = JsonNode.Parse("1")!;
        for (var i = 0; i < 100; i++)
        {
            nested = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["inner"] = nested } };
            example = new JsonArray(example);
        }

        var inliner = Inliner(new JsonObject { ["Deep"] = nested, ["Example"] = new JsonObject { ["type"] = "array", ["example"] = example } });

        var deep = Inline(inliner, "Deep");
        var withExample = Inline(inliner, "Example");

        Assert.Equal(SchemaInliner.DefaultMaxDepth - 1, ContainerDepth(deep));
        Assert.Contains("x-periscope-truncated", deep.ToJsonString(), StringComparison.Ordinal);
        Assert.True(ContainerDepth(withExample) <= SchemaInliner.DefaultMaxDepth);
        Assert.Equal("too large or too deep to copy", (string?)withExample["examples"]![0]!["x-periscope-truncated"]);
    }

    [Fact]
    public void Inline_ReferenceWithConstraintSiblings_CombinesThroughAllOf()
    {
        var inliner = Inliner("""{"A":{"$ref":"#/components/schemas/P","required":["x"]},"P":{"type":"object"}}""");

        var a = Inline(inliner, "A");

        Assert.Equal("""{"allOf":[{"type":"object"},{"required":["x"]}]}""", a.ToJsonString());
    }

    [Fact]
    public void Inline_ExampleAndDefs_BecomeExamplesAndAreDropped()
    {
        var inliner = Inliner("""{"A":{"type":"integer","example":5,"$defs":{"X":{"type":"string"}}},"B":{"type":"integer","example":5,"examples":[6]}}""");

        Assert.Equal("""{"type":"integer","examples":[5]}""", Inline(inliner, "A").ToJsonString());
        Assert.Equal("""{"type":"integer","examples":[6]}""", Inline(inliner, "B").ToJsonString());
    }

    [Fact]
    public void Inline_BooleanSubschemas_AreKept()
    {
        var inliner = Inliner("""{"A":{"type":"array","items":false,"additionalProperties":true}}""");

        Assert.Equal("""{"type":"array","items":false,"additionalProperties":true}""", Inline(inliner, "A").ToJsonString());
    }

    [Fact]
    public void Inline_ReferenceToNonComponentLocation_IsResolved()
    {
        var inliner = Inliner("""{"A":{"type":"object","properties":{"inner":{"type":"integer"}}},"B":{"$ref":"#/components/schemas/A/properties/inner"}}""");

        Assert.Equal("""{"type":"integer"}""", Inline(inliner, "B").ToJsonString());
    }

    private SchemaInliner Inliner(string schemas, int maxDepth = SchemaInliner.DefaultMaxDepth, long operationNodes = ExpansionBudget.DefaultOperationNodes) =>
        Inliner(JsonNode.Parse(schemas)!, maxDepth, operationNodes);

    private SchemaInliner Inliner(JsonNode schemas, int maxDepth = SchemaInliner.DefaultMaxDepth, long operationNodes = ExpansionBudget.DefaultOperationNodes)
    {
        var document = new JsonObject { ["components"] = new JsonObject { ["schemas"] = schemas } };
        var budget = new ExpansionBudget(operationNodes);
        return new SchemaInliner(new ReferenceResolver(document, _diagnostics), budget, maxDepth);
    }

    private static JsonObject Inline(SchemaInliner inliner, string name) =>
        inliner.Inline(new JsonObject { ["$ref"] = $"#/components/schemas/{name}" }, "/paths/~1test/get", depth: 1)!.AsObject();

    private static int ContainerDepth(JsonNode? node) => node switch
    {
        JsonObject obj => 1 + obj.Select(p => ContainerDepth(p.Value)).DefaultIfEmpty(0).Max(),
        JsonArray array => 1 + array.Select(ContainerDepth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    private static int CountNodes(JsonNode? node) => node switch
    {
        JsonObject obj => 1 + obj.Sum(p => CountNodes(p.Value)),
        JsonArray array => 1 + array.Sum(CountNodes),
        _ => 1,
    };
}
