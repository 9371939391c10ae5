using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Periscope.Functions.Tests.Access;

namespace Periscope.Functions.Tests.Hosting;

/// <summary>The log levels the host ships with (<c>appsettings.json</c>), as <see cref="FunctionsApplication"/> loads them.</summary>
public sealed class FunctionsLoggingTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("periscope-logging-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    /// <summary>
    /// While this category is on at any level, ASP.NET Core starts an Activity and a log scope for every
    /// request (HostingApplicationDiagnostics.BeginRequest) that nothing in the host reads.
    /// </summary>
    [Fact]
    public async Task Build_ShippedSettings_HostingDiagnosticsOffAndWarningsOn()
    {
        await using var app = FunctionsApplication.Build(
            ["--urls=http://127.0.0.1:0", $"--Store:DataDirectory={_data.FullName}", $"--Catalog:ReportToken={AccessHost.ReportToken}"]);
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Critical));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger("Periscope.Functions.Invoke.GatewayForwarder").IsEnabled(LogLevel.Information));
    }

    /// <summary>Configuration turns the request lines back on, as the README says.</summary>
    [Fact]
    public async Task Build_CategorySetInConfiguration_Overrides()
    {
        await using var app = FunctionsApplication.Build(
        [
            "--urls=http://127.0.0.1:0", $"--Store:DataDirectory={_data.FullName}", $"--Catalog:ReportToken={AccessHost.ReportToken}",
            "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information",
        ]);
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
    }
}
