namespace Periscope.Forwarding.Tests;

public sealed class ServerPrefixTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("https://api.example.com", "")]
    [InlineData("https://api.example.com/", "")]
    [InlineData("https://api.example.com/v1", "/v1")]
    [InlineData("https://api.example.com:8443/api/v3/?debug=1#top", "/api/v3")]
    [InlineData("http://{host}:{port}/v2", "/v2")]
    [InlineData("https://api.example.com/{version}", "")]
    [InlineData("//cdn.example.com/assets", "/assets")]
    [InlineData("/api/v3", "/api/v3")]
    [InlineData("/", "")]
    [InlineData("./v1", "/v1")]
    [InlineData("v1/", "/v1")]
    [InlineData(".", "")]
    [InlineData("../up", "")]
    [InlineData("  /trimmed  ", "/trimmed")]
    public void FromServerUrl_Url_GivesItsLiteralPath(string? url, string prefix) =>
        Assert.Equal(prefix, ServerPrefix.FromServerUrl(url));

    [Theory]
    [InlineData(null, "")]
    [InlineData("/", "")]
    [InlineData("/api", "/api")]
    [InlineData("/api/", "/api")]
    [InlineData("api", "")]
    [InlineData("/{tenant}/api", "")]
    public void FromBasePath_BasePath_GivesPrefixWithoutTrailingSlash(string? basePath, string prefix) =>
        Assert.Equal(prefix, ServerPrefix.FromBasePath(basePath));
}
