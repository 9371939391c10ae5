using System.Text.Json.Nodes;
using Periscope.OpenApi.Json;

namespace Periscope.OpenApi.Tests.Json;

public sealed class JsonPointerTests
{
    private static readonly JsonNode Document = JsonNode.Parse("""
        {"paths":{"/pets/{id}":{"get":{"x":1}}},"a~b":{"c":2},"list":[10,20],"components":{"schemas":{"Pet Shop":{"type":"object"}}}}
        """)!;

    [Theory]
    [InlineData("#/paths/~1pets~1{id}/get/x", "1")]
    [InlineData("#/paths/~1pets~1%7Bid%7D/get/x", "1")]
    [InlineData("#/a~0b/c", "2")]
    [InlineData("#/list/1", "20")]
    [InlineData("#/components/schemas/Pet%20Shop/type", "\"object\"")]
    public void ResolveLocalReference_ExistingTarget_IsFound(string reference, string expected)
    {
        var node = JsonPointer.ResolveLocalReference(Document, reference, out var found);

        Assert.True(found);
        Assert.Equal(expected, node!.ToJsonString());
    }

    [Theory]
    [InlineData("#/paths/~1cats")]
    [InlineData("#/list/2")]
    [InlineData("#/list/-1")]
    [InlineData("#/list/x")]
    [InlineData("other.json#/a")]
    [InlineData("https://example.com/schemas/pet.json")]
    [InlineData("#anchor")]
    public void ResolveLocalReference_MissingOrExternal_IsNotFound(string reference)
    {
        JsonPointer.ResolveLocalReference(Document, reference, out var found);

        Assert.False(found);
    }

    [Fact]
    public void ResolveLocalReference_EmptyFragment_IsTheDocument()
    {
        Assert.Same(Document, JsonPointer.ResolveLocalReference(Document, "#", out var found));
        Assert.True(found);
    }

    [Theory]
    [InlineData("#/components/schemas/Pet", "Pet")]
    [InlineData("#/components/schemas/a~1b", "a/b")]
    [InlineData("#/components/schemas/Pet%20Shop", "Pet Shop")]
    public void LastToken_Reference_IsUnescaped(string reference, string expected)
    {
        Assert.Equal(expected, JsonPointer.LastToken(reference));
    }

    [Fact]
    public void Append_TokenWithSlashAndTilde_IsEscaped()
    {
        Assert.Equal("/paths/~1a~0b~1{id}", JsonPointer.Append("/paths", "/a~b/{id}"));
    }
}
