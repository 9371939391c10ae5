using System.Net;
using Periscope.Functions.Access;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Access;

public sealed class RevokeKeyTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    private AccessHost Host => fixture.Host;

    [Fact]
    public async Task RunAsync_KeyInUse_Answers204AndTheKeyStopsWorkingAtOnce()
    {
        var (id, key) = await Host.CreateKeyAsync(Role.Viewer, "to revoke");
        using var client = Host.CreateClient(key);
        using var admin = Host.CreateClient(AccessHost.AdminKey);
        (await client.GetAsync("/api/access/me")).EnsureSuccessStatusCode().Dispose();

        using var revoked = await admin.DeleteAsync($"/api/keys/{id}");
        using var after = await client.GetAsync("/api/access/me");
        using var again = await admin.DeleteAsync($"/api/keys/{id}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var problem = await AccessProblems.ReadAsync(after, HttpStatusCode.Unauthorized);
        Assert.Contains($"API key {id} was revoked", AccessProblems.Detail(problem), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [Theory]
    [InlineData("0123456789ab")]
    [InlineData("not-an-id")]
    public async Task RunAsync_UnknownId_Answers404(string id)
    {
        using var admin = Host.CreateClient(AccessHost.AdminKey);

        using var response = await admin.DeleteAsync($"/api/keys/{id}");

        await ProblemJson.ReadAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RunAsync_AdminKeyRevokingClusterOwner_Answers403()
    {
        var (ownerId, _) = await Host.CreateKeyAsync(Role.ClusterOwner, "owner");
        var (_, adminKey) = await Host.CreateKeyAsync(Role.Admin, "admin");
        using var admin = Host.CreateClient(adminKey);

        using var response = await admin.DeleteAsync($"/api/keys/{ownerId}");

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.StartsWith("A key of role Admin cannot revoke a key of role ClusterOwner", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LastStoredAdmin_Answers409EvenWithABootstrapKey()
    {
        await using var host = await AccessHost.StartAsync();
        var (first, _) = await host.CreateKeyAsync(Role.Admin, "only admin");
        using var admin = host.CreateClient(AccessHost.AdminKey);

        using var refused = await admin.DeleteAsync($"/api/keys/{first}");
        await host.CreateKeyAsync(Role.Admin, "second admin");
        using var allowed = await admin.DeleteAsync($"/api/keys/{first}");

        var problem = await ProblemJson.ReadAsync(refused, HttpStatusCode.Conflict);
        Assert.Contains("would leave no active Admin or ClusterOwner key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
    }
}
