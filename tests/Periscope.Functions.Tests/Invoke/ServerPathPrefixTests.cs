using Periscope.Functions.Invoke;

namespace Periscope.Functions.Tests.Invoke;

public sealed class ServerPathPrefixTests
{
    [Theory]
    [InlineData("""{"openapi":"3.1.0","servers":[{"url":"https://api.example.com/v1/"}]}""", "/v1")]
    [InlineData("""{"openapi":"3.1.0","servers":[{"url":"/api/v3"}]}""", "/api/v3")]
    [InlineData("""{"openapi":"3.1.0","servers":[{"url":"http://127.0.0.1:5080/"}]}""", "")]
    [InlineData("""{"openapi":"3.1.0","servers":[{"url":"/{base}"}]}""", "")]
    [InlineData("""{"openapi":"3.1.0","servers":[{"url":"/../x"}]}""", "")]
    [InlineData("""{"openapi":"3.1.0"}""", "")]
    [InlineData(null, "")]
    public void FromDocument_FirstServer_GivesItsLiteralPath(string? document, string expected) =>
        Assert.Equal(expected, ServerPathPrefix.FromDocument(document));
}
