using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Periscope.Functions.Access;
using Periscope.Functions.Catalog;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;
using Periscope.Functions.Tests.Access.Doubles;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Access;

public sealed class AccessServiceCollectionExtensionsTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("periscope-access-options-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task UseAccess_FunctionWithoutRequirement_Answers500ToEveryCaller()
    {
        var builder = WebApplication.CreateSlimBuilder(
        [
            "--urls=http://127.0.0.1:0",
            $"--Store:DataDirectory={_data.FullName}",
            $"--Catalog:ReportToken={AccessHost.ReportToken}",
            $"--Access:BootstrapKey={AccessHost.AdminKey}",
        ]);
        builder.Logging.ClearProviders();
        builder.AddFunctionsHost();
        builder.Services.AddCatalogStore(builder.Configuration);
        builder.Services.AddCatalog(builder.Configuration);
        builder.Services.AddAccess(builder.Configuration);
        await using var app = builder.Build();
        app.UseFunctionsHost();
        app.UseAccess();
        app.MapHostEndpoints();
        app.MapFunctions(api => api.MapFunction<Unguarded>());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", AccessHost.AdminKey);

        using var response = await client.GetAsync("/api/unguarded");

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("https://periscope.dev/problems/no-access-requirement", problem.GetProperty("type").GetString());
        Assert.Contains("Unguarded declares no access requirement", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await app.StopAsync();
    }

    [Theory]
    [InlineData("--Access:BootstrapKey=too-short", "Access:BootstrapKey must be at least 32 characters")]
    [InlineData("--Access:RateLimit:PermitsPerSecond=-1", "Access:RateLimit:PermitsPerSecond must be 0 (off) or more")]
    [InlineData("--Access:RateLimit:Burst=0", "Access:RateLimit:Burst must be at least 1")]
    [InlineData("--Access:KeyCacheTtl=01:00:00", "Access:KeyCacheTtl must be from 00:00:00 to 00:05:00")]
    [InlineData("--Access:BootstrapKey=" + AccessHost.ReportToken, "Access:BootstrapKey must differ from Catalog:ReportToken")]
    public async Task AddAccess_InvalidSetting_FailsStartUpNamingIt(string setting, string message)
    {
        await using var app = FunctionsApplication.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Store:DataDirectory={_data.FullName}",
            $"--Catalog:ReportToken={AccessHost.ReportToken}",
            "--Logging:LogLevel:Default=None",
            setting,
        ]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var options = new AccessOptions();

        Assert.Empty(options.Validate());
        Assert.Equal((false, 100, 200, TimeSpan.FromSeconds(10)), (options.AnonymousReads, options.RateLimit.PermitsPerSecond, options.RateLimit.Burst, options.KeyCacheTtl));
    }
}
