using System.Net;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Catalog;

[Collection(SharedCatalogHost.Name)]
public sealed class CatalogPagingTests(CatalogHost host)
{
    [Theory]
    [InlineData("/api/services?continue=forged")]
    [InlineData("/api/services/default/paging-forged/operations?continue=forged")]
    [InlineData("/api/search?q=order&continue=forged")]
    public async Task CatalogList_ForgedContinueToken_Answers400(string path)
    {
        await host.ReportAsync(CatalogReports.WithDocument("paging-forged"));

        using var response = await host.Client.GetAsync(path);

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("continue", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
