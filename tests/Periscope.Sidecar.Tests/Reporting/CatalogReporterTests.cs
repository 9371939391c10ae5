using System.Diagnostics;
using Periscope.Catalog.Contracts;
using Periscope.Sidecar.Tests.Fakes;

namespace Periscope.Sidecar.Tests.Reporting;

/// <summary>Reporting, end to end: the real sidecar host between a fake app and a fake catalog.</summary>
public sealed class CatalogReporterTests : IAsyncLifetime
{
    private FakeApp app = null!;
    private string hash = null!;

    public async Task InitializeAsync()
    {
        app = await FakeApp.StartAsync();
        hash = app.Serve("/openapi/v1.json", Fixtures.Read("documents/petstore-3.0.json"), "application/json; charset=utf-8");
    }

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    [Fact]
    public async Task Report_FirstReport_CarriesIdentityEndpointAndDocument()
    {
        await using var catalog = await FakeCatalog.StartAsync();
        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog,
            "--container", "orders-api", "--endpoint-address", "10.244.1.17", "--endpoint-port", "3501");

        var first = await catalog.Reports.WaitForAsync(_ => true, "the first report");

        var report = first.Report;
        Assert.Equal("/api/catalog/reports", first.Path);
        Assert.Null(first.Authorization);
        Assert.Equal(ReportOutcome.DocumentUpdated, first.Outcome);
        Assert.Equal(("orders", "shop", "orders-7d9f-abcde", "orders-api"), (report.AppId, report.Namespace, report.Pod, report.Container));
        Assert.Equal(new ReportedEndpoint { Address = "10.244.1.17", Port = 3501 }, report.Endpoint);
        Assert.Equal(hash, report.DocumentHash);
        Assert.Equal(DocumentHash.Of(Fixtures.ReadBytes("documents/petstore-3.0.json")), report.DocumentHash);
        Assert.Equal(
            new ReportedDocument { ContentType = "application/json; charset=utf-8", Content = Fixtures.Read("documents/petstore-3.0.json"), SourcePath = "/openapi/v1.json" },
            report.Document);
        Assert.InRange(report.HeartbeatAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.False(string.IsNullOrEmpty(report.SidecarVersion));
    }

    [Fact]
    public async Task Report_TokenSet_SendsBearerToken()
    {
        await using var catalog = await FakeCatalog.StartAsync();
        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog, "--catalog-token", "local-dev-token");

        var reports = await catalog.Reports.WaitForCountAsync(2, "two reports");

        Assert.All(reports, report => Assert.Equal("Bearer local-dev-token", report.Authorization));
    }

    [Fact]
    public async Task Report_CustomRoutePrefix_PostsUnderIt()
    {
        await using var catalog = await FakeCatalog.StartAsync();
        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog, "--catalog-route-prefix", "/functions/api/");

        var report = await catalog.Reports.WaitForAsync(_ => true, "the first report");

        Assert.Equal("/functions/api/catalog/reports", report.Path);
    }

    [Fact]
    public async Task Report_CatalogForgetsTheDocument_ResendsItWhenAsked()
    {
        await using var catalog = await FakeCatalog.StartAsync();
        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog);
        await catalog.Reports.WaitForAsync(r => r.Outcome == ReportOutcome.Heartbeat, "a heartbeat after the document");

        catalog.Forget();

        var asked = await catalog.Reports.WaitForAsync(r => r.Outcome == ReportOutcome.DocumentRequired, "documentRequired");
        Assert.False(asked.HasDocument);
        var from = catalog.Reports.Items.ToList().IndexOf(asked) + 1;
        var next = await catalog.Reports.WaitForAsync(_ => true, "the report after documentRequired", from);
        Assert.True(next.HasDocument);
        Assert.Equal(hash, next.Report.DocumentHash);
        Assert.Equal(ReportOutcome.DocumentUpdated, next.Outcome);
        await sidecar.Logs.WaitForAsync(2003);
    }

    [Fact]
    public async Task Report_CatalogDownAtStart_DeliversTheDocumentWhenBack()
    {
        await using var catalog = await FakeCatalog.NotStartedAsync();
        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog);
        await sidecar.Logs.Entries.WaitForAsync(e => e.EventId.Id == 2004 && e.Message.Contains("refused", StringComparison.OrdinalIgnoreCase), "a refused connection");

        await catalog.Server.StartAsync();

        var first = await catalog.Reports.WaitForAsync(_ => true, "the first report once the catalog is back");
        Assert.True(first.HasDocument);
        Assert.Equal(hash, first.Report.DocumentHash);
        await sidecar.Logs.WaitForAsync(2008); // the catalog is back
    }

    [Fact]
    public async Task Report_CatalogDownWhileTheDocumentChanges_DeliversTheLatestDocumentWhenBack()
    {
        await using var catalog = await FakeCatalog.StartAsync();
        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog);
        await catalog.Reports.WaitForAsync(r => r.HasDocument, "the first document");

        await catalog.Server.StopAsync();
        var changed = Fixtures.Read("documents/petstore-3.0.json").Replace("List all pets", "List every pet", StringComparison.Ordinal);
        var newHash = app.Serve("/openapi/v1.json", changed);
        await sidecar.Logs.Entries.WaitForAsync(e => e.EventId.Id == 1003 && e.Message.Contains(newHash, StringComparison.Ordinal), "the sidecar seeing the change");
        await sidecar.Logs.WaitForAsync(2004);
        var beforeRestart = catalog.Reports.Count;
        await catalog.Server.StartAsync();

        var first = await catalog.Reports.WaitForAsync(_ => true, "the first report after the restart", from: beforeRestart);
        Assert.True(first.HasDocument);
        Assert.Equal(newHash, first.Report.DocumentHash);
        Assert.Equal(changed, first.Report.Document!.Content);
    }

    [Fact]
    public async Task Report_CatalogAnswers503WithRetryAfter_WaitsThatLongThenDelivers()
    {
        await using var catalog = await FakeCatalog.StartAsync();
        catalog.Fail(503, retryAfterSeconds: 1);
        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog);

        await catalog.Reports.WaitForAsync(_ => true, "the first, refused report");
        var clock = Stopwatch.StartNew();
        await catalog.Reports.WaitForCountAsync(2, "the retry");
        var retriedAfter = clock.Elapsed;
        catalog.Recover();

        // Without Retry-After the sidecar would retry within its 200 ms cap.
        Assert.True(retriedAfter >= TimeSpan.FromMilliseconds(900), $"retried after {retriedAfter}");
        var delivered = await catalog.Reports.WaitForAsync(r => r.Status == 200, "a report after the catalog recovered");
        Assert.True(delivered.HasDocument);
        Assert.All(catalog.Reports.Items.TakeWhile(r => r.Status == 503), r => Assert.True(r.HasDocument));
    }

    [Fact]
    public async Task Report_CatalogRefusesTheCredentials_LogsItAndKeepsTrying()
    {
        await using var catalog = await FakeCatalog.StartAsync();
        catalog.Fail(401, "Unauthorized", "The token is not valid for this catalog.");
        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog, "--catalog-token", "wrong-token");

        var logged = await sidecar.Logs.WaitForAsync(2006);
        await catalog.Reports.WaitForCountAsync(3, "retries after 401");
        catalog.Recover();

        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains("401", logged.Message, StringComparison.Ordinal);
        Assert.Contains("Unauthorized: The token is not valid for this catalog.", logged.Message, StringComparison.Ordinal);
        Assert.Contains("--catalog-token", logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", logged.Message, StringComparison.Ordinal);
        var delivered = await catalog.Reports.WaitForAsync(r => r.Status == 200, "a report once the token is accepted");
        Assert.True(delivered.HasDocument);
    }

    [Fact]
    public async Task Report_CatalogRejectsTheReport_LogsTheProblemDetail()
    {
        await using var catalog = await FakeCatalog.StartAsync();
        catalog.Fail(400, "Invalid report", "'pod' must be an RFC 1123 subdomain.");
        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog);

        var logged = await sidecar.Logs.WaitForAsync(2007);

        Assert.Contains("400: Invalid report: 'pod' must be an RFC 1123 subdomain.", logged.Message, StringComparison.Ordinal);
        await catalog.Reports.WaitForCountAsync(2, "a retry after 400");
    }
}
