using System.Text.Json.Nodes;
using Periscope.OpenApi.Reading;
using Periscope.OpenApi.Yaml;

namespace Periscope.OpenApi.Tests.Yaml;

public sealed class YamlJsonBuilderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Build_PlainAndQuotedScalars_PlainAreTypedQuotedStayStrings()
    {
        var json = Build("""
            a: true
            b: "true"
            c: yes
            d: 'yes'
            e: 12
            f: "12"
            g: ~
            h: 1.25
            i: |
              two
              lines
            j: !!str 3
            k: ! 4
            """);

        Assert.Equal("""{"a":true,"b":"true","c":"yes","d":"yes","e":12,"f":"12","g":null,"h":1.25,"i":"two\nlines\n","j":"3","k":"4"}""", json);
    }

    [Fact]
    public void Build_NonStringKeys_BecomeStrings()
    {
        var json = Build("200: ok\ntrue: t\n1.5: f\nnull: n\n");

        Assert.Equal("""{"200":"ok","true":"t","1.5":"f","null":"n"}""", json);
    }

    [Fact]
    public void Build_Alias_CopiesTheAnchoredNode()
    {
        var root = BuildNode("base: &b {x: 1}\ncopy: *b\n")!;

        Assert.Equal("""{"x":1}""", root["copy"]!.ToJsonString());
        Assert.NotSame(root["base"], root["copy"]);
    }

    [Fact]
    public void Build_MergeKey_ExplicitKeysWinOverMergedOnes()
    {
        var json = Build("base: &b {x: 1, y: 2}\nmerged:\n  y: 20\n  <<: *b\n  z: 3\n");

        Assert.Equal("""{"base":{"x":1,"y":2},"merged":{"y":20,"z":3,"x":1}}""", json);
    }

    [Fact]
    public void Build_MergeSequence_EarlierMappingsWin()
    {
        var root = BuildNode("a: &a {k: a, only_a: 1}\nb: &b {k: b, only_b: 2}\nm:\n  <<: [*a, *b]\n")!;

        Assert.Equal("""{"k":"a","only_a":1,"only_b":2}""", root["m"]!.ToJsonString());
    }

    [Fact]
    public void Build_QuotedMergeKey_IsAnOrdinaryKey()
    {
        Assert.Equal("x", (string?)BuildNode("'<<': x\n")!["<<"]);
    }

    [Fact]
    public void Build_AliasBomb_StopsAtTheBudget()
    {
        const string Bomb = """
            a: &a [x, x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
            """;

        var exception = Assert.Throws<SourceSyntaxException>(() => YamlJsonBuilder.Build(Bomb, 10_000, _diagnostics, CancellationToken.None));

        Assert.StartsWith("line 4, ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("too many nodes", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SyntaxError_ReportsLineAndColumn()
    {
        var exception = Assert.Throws<SourceSyntaxException>(() => Build("a: 1\nb: [1, 2\nc: 3\n"));

        Assert.Matches(@"^line \d+, column \d+: ", exception.Message);
    }

    [Fact]
    public void Build_BadIndentation_ReportsItsLine()
    {
        var exception = Assert.Throws<SourceSyntaxException>(() => Build("a: 1\n  b: 2\n"));

        Assert.StartsWith("line 2, column 4: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UndefinedAlias_ReportsTheAlias()
    {
        var exception = Assert.Throws<SourceSyntaxException>(() => Build("a: 1\nb: *nowhere\n"));

        Assert.StartsWith("line 2, column 4: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("*nowhere", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RecursiveAlias_IsRejected()
    {
        Assert.Throws<SourceSyntaxException>(() => Build("a: &a [1, *a]\n"));
    }

    [Fact]
    public void Build_DuplicateKey_LastWinsWithWarning()
    {
        var json = Build("a: 1\na: 2\n");

        Assert.Equal("""{"a":2}""", json);
        var warning = Assert.Single(_diagnostics);
        Assert.StartsWith("line 2, column 1: duplicate key 'a'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SeveralDocuments_ReadsTheFirstAndWarns()
    {
        var json = Build("a: 1\n---\nb: 2\n");

        Assert.Equal("""{"a":1}""", json);
        Assert.Contains(_diagnostics, d => d.Message.Contains("more than one YAML document", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_EmptyText_ReturnsNull()
    {
        Assert.Null(BuildNode("# only a comment\n"));
    }

    [Fact]
    public void Build_ComplexKey_IsRejected()
    {
        var exception = Assert.Throws<SourceSyntaxException>(() => Build("? [a, b]\n: c\n"));

        Assert.Contains("must be a scalar", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NestingBeyondTheLimit_IsRejected()
    {
        var deep = new string('[', YamlJsonBuilder.MaxDepth + 2) + new string(']', YamlJsonBuilder.MaxDepth + 2);

        var exception = Assert.Throws<SourceSyntaxException>(() => Build(deep));

        Assert.Contains("deeper than", exception.Message, StringComparison.Ordinal);
    }

    private string Build(string yaml) => BuildNode(yaml)?.ToJsonString() ?? "null";

    private JsonNode? BuildNode(string yaml) => YamlJsonBuilder.Build(yaml, 1_000_000, _diagnostics, CancellationToken.None);
}
