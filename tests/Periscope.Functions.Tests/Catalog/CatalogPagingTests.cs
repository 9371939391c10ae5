using System.Net;
using Periscope.Functions.Catalog;
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

    [Theory]
    [InlineData("/api/services?limit=abc")]
    [InlineData("/api/services?limit=0")]
    [InlineData("/api/services/default/paging-limit/operations?limit=1001")]
    [InlineData("/api/services/default/paging-limit/operations?limit=2.5")]
    [InlineData("/api/search?q=order&limit=-1")]
    [InlineData("/api/search?q=order&limit=ten")]
    public async Task CatalogList_BadLimit_Answers400NamingIt(string path)
    {
        await host.ReportAsync(CatalogReports.WithDocument("paging-limit"));

        using var response = await host.Client.GetAsync(path);

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("'limit' must be a whole number from 1 to 1000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, CatalogPaging.DefaultLimit)]
    [InlineData("", CatalogPaging.DefaultLimit)]
    [InlineData("1", 1)]
    [InlineData("1000", 1000)]
    [InlineData("0042", 42)]
    public void TryCreate_AbsentOrValidLimit_PagesBy(string? limit, int expected)
    {
        var page = CatalogPaging.TryCreate(limit, continueToken: null, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, page?.Limit);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData(" 5")]
    [InlineData("99999999999")]
    public void TryCreate_BadLimit_IsAProblem(string limit)
    {
        Assert.Null(CatalogPaging.TryCreate(limit, continueToken: null, out var problem));
        Assert.NotNull(problem);
    }
}
