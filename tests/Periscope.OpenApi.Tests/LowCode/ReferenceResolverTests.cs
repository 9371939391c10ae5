using System.Text.Json.Nodes;
using Periscope.OpenApi.LowCode;

namespace Periscope.OpenApi.Tests.LowCode;

public sealed class ReferenceResolverTests
{
    private static readonly JsonObject Document = JsonNode.Parse("""
        {"components":{"parameters":{
          "A":{"$ref":"#/components/parameters/B"},
          "B":{"name":"b","in":"query"},
          "Loop1":{"$ref":"#/components/parameters/Loop2"},
          "Loop2":{"$ref":"#/components/parameters/Loop1"}}}}
        """)!.AsObject();

    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Follow_ChainOfReferences_ReachesTheObject()
    {
        var resolver = new ReferenceResolver(Document, _diagnostics);

        var parameter = resolver.Follow(new JsonObject { ["$ref"] = "#/components/parameters/A" }, "/here");

        Assert.Equal("b", (string?)parameter!["name"]);
        Assert.Empty(_diagnostics);
    }

    [Fact]
    public void Follow_LoopingReferences_ReturnsNullWithWarning()
    {
        var resolver = new ReferenceResolver(Document, _diagnostics);

        Assert.Null(resolver.Follow(new JsonObject { ["$ref"] = "#/components/parameters/Loop1" }, "/here"));
        Assert.Contains("loops", Assert.Single(_diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MissingTarget_WarnsOnceAndSkipsWhatTheReaderReported()
    {
        _diagnostics.Add(ParseDiagnostic.WarningAt("The schema reference '#/components/schemas/Known' does not point to an existing schema."));
        var resolver = new ReferenceResolver(Document, _diagnostics);

        resolver.Resolve("#/components/schemas/Known", "/a", out var knownFound);
        resolver.Resolve("#/components/schemas/New", "/a", out var newFound);
        resolver.Resolve("#/components/schemas/New", "/b", out _);

        Assert.False(knownFound);
        Assert.False(newFound);
        Assert.Equal(2, _diagnostics.Count);
        Assert.Equal("/a", _diagnostics[1].Pointer);
    }
}
