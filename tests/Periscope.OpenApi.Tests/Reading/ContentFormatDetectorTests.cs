using Periscope.OpenApi.Reading;

namespace Periscope.OpenApi.Tests.Reading;

public sealed class ContentFormatDetectorTests
{
    [Theory]
    [InlineData("{\"openapi\":\"3.0.0\"}", null, "Json")]
    [InlineData("\uFEFF  \n\t{\"openapi\":\"3.0.0\"}", null, "Json")]
    [InlineData("openapi: 3.0.0", null, "Yaml")]
    [InlineData("openapi: 3.0.0", "application/json", "Yaml")]
    [InlineData("{openapi: 3.0.0}", "application/yaml", "Yaml")]
    [InlineData("{\"openapi\":\"3.0.0\"}", "text/x-yaml; charset=utf-8", "Yaml")]
    [InlineData("{\"openapi\":\"3.0.0\"}", "text/plain", "Json")]
    [InlineData("", null, "Yaml")]
    public void Detect_ContentAndMediaType_PicksTheSyntax(string content, string? contentType, string expected)
    {
        Assert.Equal(Enum.Parse<ContentFormat>(expected), ContentFormatDetector.Detect(content, contentType));
    }
}
