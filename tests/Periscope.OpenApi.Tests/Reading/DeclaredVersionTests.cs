using System.Text.Json.Nodes;
using Periscope.OpenApi.Reading;

namespace Periscope.OpenApi.Tests.Reading;

public sealed class DeclaredVersionTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Theory]
    [InlineData("""{"swagger":"2.0"}""", "Swagger20", "2.0")]
    [InlineData("""{"openapi":"3.0.3"}""", "OpenApi30", "3.0.3")]
    [InlineData("""{"openapi":"3.1.0"}""", "OpenApi31", "3.1.0")]
    public void Find_DeclaredVersion_ReturnsKindAndText(string json, string kind, string text)
    {
        var version = DeclaredVersion.Find(JsonNode.Parse(json), _diagnostics, out var error);

        Assert.Null(error);
        Assert.Equal(new DeclaredVersion(Enum.Parse<SpecificationKind>(kind), text), version);
        Assert.Empty(_diagnostics);
    }

    [Theory]
    [InlineData("""{"openapi":"4.0.0"}""", "4.0.0")]
    [InlineData("""{"openapi":"2.0"}""", "2.0")]
    [InlineData("""{"swagger":"1.2"}""", "1.2")]
    public void Find_UnsupportedVersion_HasNoKindButKeepsTheText(string json, string text)
    {
        var version = DeclaredVersion.Find(JsonNode.Parse(json), _diagnostics, out _);

        Assert.Null(version!.Kind);
        Assert.Equal(text, version.Text);
        Assert.Contains($"'{text}' is not supported", version.UnsupportedMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"swagger":2.0}""", "2.0")]
    [InlineData("""{"swagger":2}""", "2.0")]
    [InlineData("""{"openapi":3.1}""", "3.1")]
    public void Find_NumericVersion_IsRewrittenAsStringWithWarning(string json, string text)
    {
        var root = JsonNode.Parse(json)!.AsObject();

        var version = DeclaredVersion.Find(root, _diagnostics, out _);

        Assert.Equal(text, version!.Text);
        Assert.Equal(text, (string?)root.First().Value);
        Assert.Equal(ParseDiagnostic.Warning, Assert.Single(_diagnostics).Severity);
    }

    [Theory]
    [InlineData("""{"kind":"Pod"}""", "no 'openapi' or 'swagger' field")]
    [InlineData("""[1,2]""", "not a JSON or YAML object")]
    [InlineData("\"text\"", "not a JSON or YAML object")]
    public void Find_NoVersion_ExplainsWhy(string json, string reason)
    {
        var version = DeclaredVersion.Find(JsonNode.Parse(json), _diagnostics, out var error);

        Assert.Null(version);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
