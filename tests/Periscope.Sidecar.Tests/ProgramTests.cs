using System.Diagnostics;
using System.Globalization;
using Periscope.Sidecar.Tests.Fakes;

namespace Periscope.Sidecar.Tests;

/// <summary>The sidecar binary as users and Kubernetes run it: a process with arguments, environment and signals.</summary>
public sealed class ProgramTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["--app-id", "Orders_1", "--app-port", "5000", "--catalog", "http://127.0.0.1:7071"], "'--app-id' must be an RFC 1123 label" },
        { ["--app-id", "orders", "--app-port", "70000", "--catalog", "http://127.0.0.1:7071"], "'--app-port' must be a port number from 1 to 65535; got '70000'." },
        { ["--app-id", "orders", "--app-port", "5000", "--catalog", "catalog.local"], "'--catalog' must be an absolute http or https URL" },
        { [], "'--app-id' is required (or set APP_ID)." },
        { ["--app-id", "orders", "--app-port", "5000", "--catalog", "http://127.0.0.1:7071", "--bogus"], "Unrecognized command or argument '--bogus'" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Main_BadArguments_ExitsWith2AndOneStderrLine(string[] args, string expected)
    {
        await using var sidecar = SidecarProcess.Start(args);

        var exitCode = await sidecar.WaitForExitAsync(ExitTimeout);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(sidecar.Error.Items, line => line.Length > 0);
        Assert.StartsWith("periscope-sidecar: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        Assert.DoesNotContain(sidecar.Output.Items, output => output.Length > 0);
    }

    [Fact]
    public async Task Main_BadEnvironmentVariable_ExitsWith2NamingIt()
    {
        await using var sidecar = SidecarProcess.Start([], new Dictionary<string, string>
        {
            ["APP_ID"] = "orders",
            ["APP_PORT"] = "5000",
            ["PERISCOPE_CATALOG_URL"] = "http://127.0.0.1:7071",
            ["NAMESPACE"] = "Shop",
        });

        var exitCode = await sidecar.WaitForExitAsync(ExitTimeout);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(sidecar.Error.Items, line => line.Length > 0);
        Assert.Contains("'NAMESPACE' must be an RFC 1123 label", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_ConfiguredFromEnvironment_ReportsAsThePod()
    {
        await using var app = await FakeApp.StartAsync();
        await using var catalog = await FakeCatalog.StartAsync();
        var hash = app.Serve("/swagger/v1/swagger.json", Fixtures.Read("documents/petstore-swagger-2.0.json"));

        await using var sidecar = SidecarProcess.Start([], new Dictionary<string, string>
        {
            ["APP_ID"] = "orders",
            ["APP_PORT"] = app.Port.ToString(CultureInfo.InvariantCulture),
            ["PERISCOPE_CATALOG_URL"] = catalog.Url.ToString(),
            ["PERISCOPE_CATALOG_TOKEN"] = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
            ["POD_NAMESPACE"] = "shop",
            ["POD_NAME"] = "orders-7d9f-abcde",
            ["POD_IP"] = "10.244.1.17",
            ["PERISCOPE_ENDPOINT_PORT"] = "3501",
            ["PERISCOPE_HEARTBEAT_INTERVAL"] = "100ms",
        });

        var first = await catalog.Reports.WaitForAsync(_ => true, "the first report");

        Assert.Equal(hash, first.Report.DocumentHash);
        Assert.True(first.HasDocument);
        Assert.Equal("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", first.Authorization);
        Assert.Equal(("orders", "shop", "orders-7d9f-abcde", "app"), (first.Report.AppId, first.Report.Namespace, first.Report.Pod, first.Report.Container));
        Assert.Equal(("10.244.1.17", 3501), (first.Report.Endpoint!.Address, first.Report.Endpoint.Port));
    }

    [Fact]
    public async Task Main_AppAndCatalogNotUpYet_RetriesUntilTheyAreAndStopsOnSigterm()
    {
        await using var app = await FakeApp.NotStartedAsync();
        await using var catalog = await FakeCatalog.NotStartedAsync();
        var hash = app.Serve("/openapi.json", Fixtures.Read("documents/petstore-3.0.json"));
        await using var sidecar = SidecarProcess.Start(
        [
            "--app-id", "orders",
            "--app-port", app.Port.ToString(CultureInfo.InvariantCulture),
            "--catalog", catalog.Url.ToString(),
            "--retry-initial-delay", "50ms",
            "--retry-max-delay", "200ms",
        ]);

        await sidecar.WaitForLogAsync(1001); // the app does not answer
        await app.Server.StartAsync();
        await sidecar.WaitForLogAsync(2004); // the catalog does not answer
        await catalog.Server.StartAsync();
        var first = await catalog.Reports.WaitForAsync(_ => true, "the first report");
        Assert.Equal(hash, first.Report.DocumentHash);
        Assert.True(first.HasDocument);

        var clock = Stopwatch.StartNew();
        await sidecar.TerminateAsync();
        var exitCode = await sidecar.WaitForExitAsync(ExitTimeout);

        Assert.Equal(0, exitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"stopped after {clock.Elapsed}");
        Assert.DoesNotContain(sidecar.Error.Items, line => line.Length > 0);
    }
}
