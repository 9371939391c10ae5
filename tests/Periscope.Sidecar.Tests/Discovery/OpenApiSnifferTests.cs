using System.Text;
using Periscope.Sidecar.Discovery;

namespace Periscope.Sidecar.Tests.Discovery;

public sealed class OpenApiSnifferTests
{
    public static TheoryData<string> Documents => Fixtures.In("documents");

    public static TheoryData<string> NotDocuments => Fixtures.In("not-documents");

    [Theory]
    [MemberData(nameof(Documents))]
    public void LooksLikeOpenApi_OpenApiOrSwaggerDocument_ReturnsTrue(string fixture) =>
        Assert.True(OpenApiSniffer.LooksLikeOpenApi(Fixtures.ReadBytes(fixture)));

    [Theory]
    [MemberData(nameof(NotDocuments))]
    public void LooksLikeOpenApi_SomethingElse_ReturnsFalse(string fixture) =>
        Assert.False(OpenApiSniffer.LooksLikeOpenApi(Fixtures.ReadBytes(fixture)));

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n")]
    [InlineData("{")]
    [InlineData("{\"info\": {}, ")]
    [InlineData("openapi:")]
    [InlineData("openapi: # no value")]
    [InlineData("openapi:3.0.0")]
    [InlineData("openapiVersion: 3.0.0")]
    [InlineData("'openapi\": 3.0.0")]
    public void LooksLikeOpenApi_EmptyOrCutShort_ReturnsFalse(string body) =>
        Assert.False(OpenApiSniffer.LooksLikeOpenApi(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("\n\n  {\"openapi\":\"3.0.1\"}")]
    [InlineData("{\"openapi\":\"3.0.1\", \"paths\": {\"/cut")]
    [InlineData("openapi: 3.0.1\r\ninfo:\r\n  title: x\r\n")]
    [InlineData("info:\n  title: x\nswagger: '2.0'\n")]
    [InlineData("'openapi': \"3.1.0\"")]
    public void LooksLikeOpenApi_VersionFieldAtTheTop_ReturnsTrue(string body) =>
        Assert.True(OpenApiSniffer.LooksLikeOpenApi(Encoding.UTF8.GetBytes(body)));
}
