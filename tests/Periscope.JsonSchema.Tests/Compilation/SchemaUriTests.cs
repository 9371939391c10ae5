using Periscope.JsonSchema.Compilation;

namespace Periscope.JsonSchema.Tests.Compilation;

public sealed class SchemaUriTests
{
    [Theory]
    [InlineData("https://example.com/a/b.json", "#/x", "https://example.com/a/b.json", "/x")]
    [InlineData("https://example.com/a/b.json", "c.json#frag", "https://example.com/a/c.json", "frag")]
    [InlineData("https://example.com/a/b.json", "/root.json", "https://example.com/root.json", "")]
    [InlineData("https://example.com/a/b.json", "urn:uuid:deadbeef-1234-0000-0000-4321feebdaed#/a", "urn:uuid:deadbeef-1234-0000-0000-4321feebdaed", "/a")]
    public void Resolve_AgainstBase_SplitsResourceAndFragment(string baseUri, string reference, string resource, string fragment)
    {
        Assert.Equal((resource, fragment), SchemaUri.Resolve(new Uri(baseUri), reference, "#"));
    }

    [Fact]
    public void WithId_EmptyFragment_IsDropped()
    {
        Assert.Equal("https://example.com/s.json", SchemaUri.KeyOf(SchemaUri.WithId(SchemaUri.DefaultBase, "https://example.com/s.json#", "#")));
    }
}
