using System.Net;
using Periscope.Functions.Catalog;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Catalog;

[Collection(SharedCatalogHost.Name)]
public sealed class CatalogPagingTests(CatalogHost host)
{
    [Theory]
    [InlineData("/api/services?continue=forged", "The 'continue' token is not one this list issued")]
    [InlineData("/api/services/default/paging/operations?continue=forged", "The 'continue' token is not one this list issued")]
    [InlineData("/api/search?q=order&continue=forged", "The 'continue' token is not one this list issued")]
    [InlineData("/api/services?limit=abc", "'limit' must be a whole number from 1 to 1000")]
    [InlineData("/api/services?limit=0", "'limit' must be a whole number from 1 to 1000")]
    [InlineData("/api/services/default/paging/operations?limit=1001", "'limit' must be a whole number from 1 to 1000")]
    [InlineData("/api/services/default/paging/operations?limit=2.5", "'limit' must be a whole number from 1 to 1000")]
    [InlineData("/api/search?q=order&limit=-1", "'limit' must be a whole number from 1 to 1000")]
    [InlineData("/api/search?q=order&limit=ten", "'limit' must be a whole number from 1 to 1000")]
    public async Task CatalogList_BadPaging_Answers400NamingIt(string path, string detail)
    {
        await host.ReportAsync(CatalogReports.WithDocument("paging"));

        using var response = await host.Client.GetAsync(path);

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
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
