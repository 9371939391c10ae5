using System.Net;
using System.Net.Http.Json;
using Periscope.Functions.Access;
using Periscope.Functions.Tests.Catalog;

namespace Periscope.Functions.Tests.Access;

/// <summary><c>Access:AnonymousReads=true</c> opens reads, and nothing else.</summary>
public sealed class AnonymousReadsTests : IAsyncLifetime
{
    private AccessHost _host = null!;

    public async Task InitializeAsync() => _host = await AccessHost.StartAsync(["--Access:AnonymousReads=true"]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/api/services")]
    [InlineData("/api/search?q=orders")]
    public async Task Read_NoCredentials_IsAnswered(string path)
    {
        using var response = await _host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Read_InvalidCredentials_StillAnswers401()
    {
        using var client = _host.CreateClient("psk_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        using var response = await client.GetAsync("/api/services");

        await AccessProblems.ReadAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Change_NoCredentials_Answers401()
    {
        using var keys = await _host.Client.PostAsJsonAsync("/api/keys", new { name = "x", role = "Admin" });
        using var report = await _host.Client.PostAsJsonAsync("/api/catalog/reports", CatalogReports.Heartbeat("anonymous-reads"));
        using var me = await _host.Client.GetAsync("/api/access/me");

        await AccessProblems.ReadAsync(keys, HttpStatusCode.Unauthorized);
        await AccessProblems.ReadAsync(report, HttpStatusCode.Unauthorized);
        await AccessProblems.ReadAsync(me, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AdminRead_NoCredentials_Answers401()
    {
        using var response = await _host.Client.GetAsync("/api/keys");

        var problem = await AccessProblems.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains($"role {Role.Admin}", AccessProblems.Detail(problem), StringComparison.Ordinal);
    }
}
