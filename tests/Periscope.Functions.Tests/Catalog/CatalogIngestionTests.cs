namespace Periscope.Functions.Tests.Catalog;

[Collection(SharedCatalogHost.Name)]
public sealed class CatalogIngestionTests(CatalogHost host)
{
    [Fact]
    public async Task IngestAsync_TrafficWithUnchangedHeartbeat_IsAppliedOnce()
    {
        var heartbeat = CatalogReports.WithDocument("ingest-traffic");
        await host.ReportAsync(heartbeat);
        var plain = heartbeat with { Document = null };
        Assert.Equal("Unchanged", (await host.ReportAsync(plain)).Outcome.ToString());
        var withTraffic = plain with { Traffic = CatalogReports.Summary("i1", 1, CatalogReports.Calls("GET", "/items/{id}", ok: 4)) };

        // The endpoint is as stored, so only the traffic is news; the same summary again (a lost answer) counts once.
        await host.ReportAsync(withTraffic);
        await host.ReportAsync(withTraffic);

        var operation = await host.GetJsonAsync("/api/operations/default.ingest-traffic.getItem");
        Assert.Equal(4, operation.GetProperty("traffic").GetProperty("calls").GetInt64());
    }

    [Fact]
    public async Task IngestAsync_TrafficInTheFuture_IsCutToNow()
    {
        var now = DateTimeOffset.UtcNow;
        await host.ReportAsync(CatalogReports.WithDocument("ingest-future") with
        {
            Traffic = CatalogReports.Summary("i1", 1, CatalogReports.Calls("GET", "/items/{id}", ok: 1)) with { From = now.AddDays(1), To = now.AddDays(2) },
        });

        var traffic = (await host.GetJsonAsync("/api/operations/default.ingest-future.getItem")).GetProperty("traffic");

        Assert.True(traffic.GetProperty("lastSeen").GetDateTimeOffset() < now.AddMinutes(1));
        Assert.Equal(traffic.GetProperty("firstSeen").GetDateTimeOffset(), traffic.GetProperty("lastSeen").GetDateTimeOffset());
    }
}
