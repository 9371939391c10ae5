using System.Net;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Catalog;

[Collection(SharedCatalogHost.Name)]
public sealed class IngestReportTests(CatalogHost host)
{
    [Fact]
    public async Task RunAsync_InvalidTraffic_Answers400ListingFieldsAndStoresNothing()
    {
        var report = CatalogReports.WithDocument("ingest-invalid") with
        {
            Traffic = CatalogReports.Summary("i1", 0, CatalogReports.Calls("get", "/items/{id}", ok: 1)),
        };

        using var response = await host.PostReportAsync(report);

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["traffic.operations[0].method", "traffic.sequence"], fields);
        using var service = await host.Client.GetAsync("/api/services/default/ingest-invalid");
        Assert.Equal(HttpStatusCode.NotFound, service.StatusCode);
    }
}
