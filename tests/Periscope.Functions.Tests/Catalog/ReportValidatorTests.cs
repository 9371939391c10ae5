using Periscope.Catalog.Contracts;
using Periscope.Functions.Catalog;

namespace Periscope.Functions.Tests.Catalog;

public sealed class ReportValidatorTests
{
    private static readonly CatalogReport Valid = new()
    {
        AppId = "orders",
        Namespace = "default",
        Pod = "orders-7d9f8c-abcde",
        Container = "app",
        Endpoint = new ReportedEndpoint { Address = "10.1.2.3", Port = 3501 },
        HeartbeatAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Validate_CompleteReport_HasNoErrors() => Assert.Empty(ReportValidator.Validate(Valid));

    [Theory]
    [InlineData("orders.internal.svc")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public void Validate_AddressIpOrDns_IsAccepted(string address) =>
        Assert.Empty(ReportValidator.Validate(Valid with { Endpoint = new ReportedEndpoint { Address = address, Port = 1 } }));

    [Theory]
    [InlineData("http://evil.example/")]
    [InlineData("a b")]
    [InlineData("")]
    public void Validate_AddressNotAHost_IsRejected(string address) =>
        Assert.Contains("endpoint.address", ReportValidator.Validate(Valid with { Endpoint = new ReportedEndpoint { Address = address, Port = 80 } }).Keys);

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Validate_PortOutOfRange_IsRejected(int port) =>
        Assert.Contains("endpoint.port", ReportValidator.Validate(Valid with { Endpoint = new ReportedEndpoint { Address = "10.0.0.1", Port = port } }).Keys);

    [Theory]
    [InlineData("sha256:ABC")]
    [InlineData("md5:0123")]
    [InlineData("sha256:zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    public void Validate_MalformedHash_IsRejected(string hash) =>
        Assert.Contains("documentHash", ReportValidator.Validate(Valid with { DocumentHash = hash }).Keys);

    [Theory]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("application/vnd.oai.openapi+json;version=3.1", true)]
    [InlineData("application/yaml", true)]
    [InlineData("text/html", false)]
    [InlineData("image/png", false)]
    public void Validate_DocumentMediaType_AcceptsJsonAndYamlOnly(string contentType, bool accepted)
    {
        var report = Valid with { Document = new ReportedDocument { Content = "{}", ContentType = contentType, SourcePath = "/openapi.json" } };

        Assert.Equal(accepted, !ReportValidator.Validate(report).ContainsKey("document.contentType"));
    }

    [Fact]
    public void Validate_ValidTraffic_HasNoErrors() =>
        Assert.Empty(ReportValidator.Validate(Valid with { Traffic = CatalogReports.Summary("a1", 1, CatalogReports.Calls("GET", "/orders", ok: 1)) }));

    [Fact]
    public void Validate_InvalidTrafficAndIdentity_ListsBoth()
    {
        var report = Valid with { AppId = "Orders", Traffic = CatalogReports.Summary("a1", 1, CatalogReports.Calls("GET", "orders", ok: 1)) };

        Assert.Equal(["appId", "traffic.operations[0].pathTemplate"], ReportValidator.Validate(report).Keys.Order(StringComparer.Ordinal));
    }
}
