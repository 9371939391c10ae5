using System.Text.Json;
using System.Text.Json.Nodes;
using Periscope.OpenApi.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Periscope.OpenApi.Tests;

public sealed class OpenApiYamlTests
{
    public static TheoryData<string> SharedDocuments() => TestDocuments.SharedTheoryData();

    [Theory]
    [MemberData(nameof(SharedDocuments))]
    public void FromJson_NormalizedRealDocument_ReadsBackToTheSameJson(string name)
    {
        var json = new OpenApiDocumentParser().Parse(TestDocuments.Shared(name), null).NormalizedJson!;

        var yaml = OpenApiYaml.FromJson(json);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), ReadBack(yaml)), yaml);
    }

    [Fact]
    public void FromJson_StringsThatLookLikeOtherTypes_AreQuoted()
    {
        const string Json = """{"a":"true","b":"yes","c":"123","d":"","e":"null","f":"1.0","g":"plain","h":true,"i":7,"j":null}""";

        var yaml = OpenApiYaml.FromJson(Json);

        var mapping = (YamlMappingNode)Load(yaml).Documents[0].RootNode;
        foreach (var key in new[] { "a", "b", "c", "d", "e", "f" })
        {
            Assert.Equal(ScalarStyle.DoubleQuoted, ((YamlScalarNode)mapping[key]).Style);
        }

        foreach (var key in new[] { "g", "h", "i", "j" })
        {
            Assert.Equal(ScalarStyle.Plain, ((YamlScalarNode)mapping[key]).Style);
        }

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Json), ReadBack(yaml)));
    }

    [Fact]
    public void FromJson_NumericLookingKeys_AreQuotedAndReadBackAsStrings()
    {
        const string Json = """{"responses":{"200":{"description":"ok"},"default":{"description":"error"}}}""";

        var yaml = OpenApiYaml.FromJson(Json);

        Assert.Contains("\"200\":", yaml, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Json), ReadBack(yaml)));
    }

    [Fact]
    public void FromJson_MultilineString_UsesALiteralBlock()
    {
        const string Json = """{"description":"First line.\nSecond line.\n"}""";

        var yaml = OpenApiYaml.FromJson(Json);

        Assert.Contains("description: |", yaml, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Json), ReadBack(yaml)));
    }

    [Theory]
    [InlineData("""{"a":"key: value","b":"# not a comment","c":"- not a list","d":"@at","e":"`tick","f":"trailing  ","g":"  leading"}""")]
    [InlineData("""{"a":"it's","b":"say \"hi\"","c":"tab\there","d":"中文说明","e":"emoji 🚀","f":"line\r\nbreak","g":"ends with newline\n\n","h":"a\u2028b\nc","i":"x\u0085y\n"}""")]
    [InlineData("""{"a":"trailing space \nnext","b":" leading space\nnext","c":"\nstarts with a break","d":"tabs\t\n\tindented","e":"multi\nline","f":"ok\n"}""")]
    [InlineData("""{"a":{},"b":[],"c":[{}],"d":[[1,2],[]],"e":{"f":{"g":[null,true,false]}}}""")]
    [InlineData("""{"a":1.50,"b":-3,"c":12345678901234567890,"d":0.1,"e":1E-7}""")]
    [InlineData("""["top","level",{"array":1}]""")]
    [InlineData("\"just a string\"")]
    public void FromJson_AwkwardValues_ReadBackToTheSameJson(string json)
    {
        var yaml = OpenApiYaml.FromJson(json);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), ReadBack(yaml)), yaml);
    }

    [Fact]
    public void FromJson_InvalidJson_ThrowsJsonException()
    {
        Assert.ThrowsAny<JsonException>(() => OpenApiYaml.FromJson("{\"a\":"));
    }

    [Fact]
    public void FromJson_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => OpenApiYaml.FromJson(null!));
    }

    // Reads the YAML back with YamlDotNet's parser, typed by the YAML 1.2 core schema.
    private static JsonNode? ReadBack(string yaml) => YamlJsonBuilder.Build(yaml, 10_000_000, [], CancellationToken.None);

    private static YamlStream Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream;
    }
}
