using Periscope.Sidecar.Discovery;
using Periscope.Sidecar.Tests.Fakes;

namespace Periscope.Sidecar.Tests.Discovery;

/// <summary>Discovery and refresh, end to end: the real sidecar host between a fake app and a fake catalog.</summary>
public sealed class DocumentWatcherTests : IAsyncLifetime
{
    private FakeApp app = null!;
    private FakeCatalog catalog = null!;

    public async Task InitializeAsync()
    {
        app = await FakeApp.StartAsync();
        catalog = await FakeCatalog.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await catalog.DisposeAsync();
    }

    [Fact]
    public async Task Discover_CustomOpenApiPath_FetchesOnlyThatPath()
    {
        var hash = app.Serve("/internal/docs/api.json?format=json", Fixtures.Read("documents/petstore-3.0.json"));

        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog, "--openapi-path", "/internal/docs/api.json?format=json");

        var report = await catalog.Reports.WaitForAsync(r => r.HasDocument, "a report with the document");
        Assert.Equal(hash, report.Report.DocumentHash);
        Assert.Equal("/internal/docs/api.json?format=json", report.Report.Document!.SourcePath);
        Assert.All(app.Requests.Items, request => Assert.Equal("/internal/docs/api.json?format=json", request.PathAndQuery));
    }

    [Theory]
    [InlineData("/openapi.json", "documents/petstore-3.0.json")]
    [InlineData("/swagger/v1/swagger.json", "documents/petstore-swagger-2.0.json")]
    [InlineData("/v3/api-docs", "documents/version-field-last.json")]
    [InlineData("/api-docs", "documents/petstore-3.0.json")]
    public async Task Discover_WellKnownJsonPath_ReportsThatDocument(string path, string fixture)
    {
        var hash = app.Serve(path, Fixtures.Read(fixture), "application/json; charset=utf-8");

        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog);

        var report = await catalog.Reports.WaitForAsync(r => r.HasDocument, "a report with the document");
        Assert.Equal(hash, report.Report.DocumentHash);
        Assert.Equal(path, report.Report.Document!.SourcePath);
        Assert.Equal("application/json; charset=utf-8", report.Report.Document.ContentType);
        Assert.Equal(Fixtures.Read(fixture), report.Report.Document.Content);
    }

    [Theory]
    [InlineData("/openapi.yaml", "documents/petstore-3.1.yaml")]
    [InlineData("/openapi/v1.yaml", "documents/commented-quoted-swagger-2.0.yaml")]
    public async Task Discover_WellKnownYamlPath_ReportsYamlDocument(string path, string fixture)
    {
        var hash = app.Serve(path, Fixtures.Read(fixture), "application/yaml");

        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog);

        var report = await catalog.Reports.WaitForAsync(r => r.HasDocument, "a report with the YAML document");
        Assert.Equal(hash, report.Report.DocumentHash);
        Assert.Equal(path, report.Report.Document!.SourcePath);
        Assert.Equal("application/yaml", report.Report.Document.ContentType);
        Assert.Equal(Fixtures.Read(fixture), report.Report.Document.Content);
    }

    [Fact]
    public async Task Discover_AppNotUpYet_ReportsOnceTheAppAnswers()
    {
        await using var lateApp = await FakeApp.NotStartedAsync();
        var hash = lateApp.Serve("/openapi.json", Fixtures.Read("documents/petstore-3.0.json"));
        await using var sidecar = await SidecarUnderTest.StartAsync(lateApp, catalog);
        await sidecar.Logs.WaitForAsync(1001); // the app does not answer yet
        await sidecar.Logs.Entries.WaitForAsync(e => e.EventId.Id == 1002, "a second attempt at the app");

        await lateApp.Server.StartAsync();

        var report = await catalog.Reports.WaitForAsync(r => r.HasDocument, "a report once the app is up");
        Assert.Equal(hash, report.Report.DocumentHash);
        Assert.Same(report, catalog.Reports.Items[0]);
    }

    [Fact]
    public async Task Discover_NoDocumentAnywhere_SendsHeartbeatsWithNullHash()
    {
        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog);

        await catalog.Reports.WaitForCountAsync(3, "three reports");

        Assert.All(catalog.Reports.Items, report =>
        {
            Assert.Null(report.Report.Document);
            Assert.Null(report.Report.DocumentHash);
            Assert.Equal(200, report.Status);
        });
        var firstRound = app.Requests.Items.Take(11).Select(request => request.PathAndQuery);
        Assert.Equal(WellKnownPaths.All, firstRound);
    }

    [Fact]
    public async Task Discover_DocumentLargerThanTheLimit_IsIgnored()
    {
        app.Serve("/openapi.json", Fixtures.Read("documents/petstore-3.0.json"));

        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog, "--max-document-size", "1KiB");

        await sidecar.Logs.WaitForAsync(1006);
        var report = await catalog.Reports.WaitForAsync(_ => true, "a report");
        Assert.Null(report.Report.DocumentHash);
    }

    [Fact]
    public async Task Refresh_UnchangedDocumentWithETag_AppAnswers304AndReportsCarryNoDocument()
    {
        var hash = app.Serve("/openapi.json", Fixtures.Read("documents/petstore-3.0.json"), withETag: true);

        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog);

        await app.Requests.WaitForAsync(request => request.Status == 304, "a 304 to a conditional GET");
        var first = await catalog.Reports.WaitForAsync(r => r.HasDocument, "the first report");
        var index = catalog.Reports.Items.ToList().IndexOf(first);
        await catalog.Reports.WaitForCountAsync(index + 4, "three more reports");
        var later = catalog.Reports.Items.Skip(index + 1).ToList();
        Assert.All(later, report =>
        {
            Assert.Null(report.Report.Document);
            Assert.Equal(hash, report.Report.DocumentHash);
        });
        var conditional = app.Requests.Items.Skip(1).ToList();
        Assert.NotEmpty(conditional);
        Assert.All(conditional, request => Assert.Equal(304, request.Status));
        Assert.All(conditional, request => Assert.NotNull(request.IfNoneMatch));
    }

    [Fact]
    public async Task Refresh_UnchangedDocumentWithoutETag_ReportsCarryOnlyTheHash()
    {
        var hash = app.Serve("/openapi.json", Fixtures.Read("documents/petstore-3.0.json"));

        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog);

        await app.Requests.WaitForCountAsync(4, "several refreshes");
        await catalog.Reports.WaitForCountAsync(4, "several reports");
        var reports = catalog.Reports.Items;
        Assert.Single(reports, report => report.HasDocument);
        Assert.True(reports[0].HasDocument);
        Assert.All(reports, report => Assert.Equal(hash, report.Report.DocumentHash));
        Assert.All(app.Requests.Items, request => Assert.Null(request.IfNoneMatch));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Refresh_ChangedDocument_ReportsTheNewContent(bool withETag)
    {
        app.Serve("/openapi.json", Fixtures.Read("documents/petstore-3.0.json"), withETag: withETag);
        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog);
        await catalog.Reports.WaitForAsync(r => r.HasDocument, "the first document");

        var changed = Fixtures.Read("documents/petstore-3.0.json").Replace("\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"", StringComparison.Ordinal);
        var newHash = app.Serve("/openapi.json", changed, withETag: withETag);

        var report = await catalog.Reports.WaitForAsync(r => r.HasDocument && r.Report.DocumentHash == newHash, "the changed document");
        Assert.Equal(changed, report.Report.Document!.Content);
        Assert.Equal(2, catalog.Reports.Items.Count(r => r.HasDocument));
    }

    [Fact]
    public async Task Refresh_DocumentRemoved_ReportsNullHash()
    {
        app.Serve("/openapi.json", Fixtures.Read("documents/petstore-3.0.json"));
        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog);
        var first = await catalog.Reports.WaitForAsync(r => r.HasDocument, "the first document");

        app.ServeNothing();

        var report = await catalog.Reports.WaitForAsync(r => r.Report.DocumentHash is null, "a report without a document");
        Assert.Null(report.Report.Document);
        await sidecar.Logs.WaitForAsync(1005); // the document is gone
    }

    [Fact]
    public async Task Refresh_DocumentMovedToAnotherPath_Rediscovers()
    {
        app.Serve("/openapi.json", Fixtures.Read("documents/petstore-3.0.json"));
        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog);
        await catalog.Reports.WaitForAsync(r => r.HasDocument, "the first document");

        var newHash = app.Serve("/v3/api-docs", Fixtures.Read("documents/version-field-last.json"));

        var report = await catalog.Reports.WaitForAsync(r => r.HasDocument && r.Report.DocumentHash == newHash, "the moved document");
        Assert.Equal("/v3/api-docs", report.Report.Document!.SourcePath);
        Assert.DoesNotContain(catalog.Reports.Items, r => r.Report.DocumentHash is null);
    }

    [Fact]
    public async Task Refresh_AppGoesAway_KeepsReportingTheLastDocument()
    {
        var hash = app.Serve("/openapi.json", Fixtures.Read("documents/petstore-3.0.json"));
        await using var sidecar = await SidecarUnderTest.StartAsync(app, catalog);
        await catalog.Reports.WaitForAsync(r => r.HasDocument, "the first document");

        await app.Server.StopAsync();
        await sidecar.Logs.WaitForAsync(1001);
        var afterStop = catalog.Reports.Count;
        await catalog.Reports.WaitForCountAsync(afterStop + 3, "heartbeats while the app is away");

        Assert.All(catalog.Reports.Items, report => Assert.Equal(hash, report.Report.DocumentHash));
        Assert.Single(catalog.Reports.Items, report => report.HasDocument);
    }
}
