using Periscope.Sidecar.Reporting;

namespace Periscope.Sidecar.Tests.Reporting;

public sealed class CatalogClientTests
{
    [Theory]
    [InlineData("http://127.0.0.1:7071", "api", "http://127.0.0.1:7071/api/catalog/reports")]
    [InlineData("http://127.0.0.1:7071/", "api", "http://127.0.0.1:7071/api/catalog/reports")]
    [InlineData("https://gateway.example/periscope/", "api", "https://gateway.example/periscope/api/catalog/reports")]
    [InlineData("http://catalog.periscope.svc", "", "http://catalog.periscope.svc/catalog/reports")]
    [InlineData("http://catalog.periscope.svc", "functions/api", "http://catalog.periscope.svc/functions/api/catalog/reports")]
    public void ReportsUrlFor_CatalogAndPrefix_JoinsThem(string catalog, string prefix, string expected) =>
        Assert.Equal(new Uri(expected), CatalogClient.ReportsUrlFor(new Uri(catalog), prefix));
}
