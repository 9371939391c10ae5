using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Periscope.Functions.Access;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Access;

public sealed class CreateKeyTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    private AccessHost Host => fixture.Host;

    [Fact]
    public async Task RunAsync_ValidRequest_Answers201WithTheKeyOnceAndLocation()
    {
        using var admin = Host.CreateClient(AccessHost.AdminKey);
        var expires = DateTimeOffset.UtcNow.AddDays(30);

        using var response = await admin.PostAsJsonAsync("/api/keys", new { name = "low-code platform", role = "operator", scopes = new[] { "default/orders", "shop/*" }, expiresAt = expires });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var body = created.RootElement;
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/keys/{id}", response.Headers.Location?.OriginalString);
        Assert.StartsWith($"psk_{id}_", body.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.Equal(("low-code platform", "Operator", "active", "bootstrap"), (
            body.GetProperty("name").GetString(), body.GetProperty("role").GetString(), body.GetProperty("status").GetString(), body.GetProperty("createdBy").GetString()));
        Assert.Equal(expires.ToUnixTimeSeconds(), body.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeSeconds());

        using var again = await admin.GetAsync(response.Headers.Location);
        var shown = await again.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.DoesNotContain("psk_", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("\"key\"", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CreatedKey_AuthenticatesWithItsRoleAndScopes()
    {
        var (id, key) = await Host.CreateKeyAsync(Role.Operator, "scoped", "default/orders");
        using var client = Host.CreateClient(key);

        using var me = JsonDocument.Parse(await client.GetStringAsync("/api/access/me"));

        Assert.Equal((id, "scoped", "ApiKey", "Operator"), (
            me.RootElement.GetProperty("id").GetString(), me.RootElement.GetProperty("name").GetString(),
            me.RootElement.GetProperty("kind").GetString(), me.RootElement.GetProperty("role").GetString()));
        Assert.Equal(["default/orders"], me.RootElement.GetProperty("scopes").EnumerateArray().Select(scope => scope.GetString()));
    }

    [Fact]
    public async Task RunAsync_InvalidFields_Answers400ListingEachField()
    {
        using var admin = Host.CreateClient(AccessHost.AdminKey);

        using var response = await admin.PostAsJsonAsync("/api/keys", new
        {
            name = "",
            role = "Root",
            scopes = new[] { "default/orders", "a/b/c", "Not_A_Label" },
            expiresAt = DateTimeOffset.UtcNow.AddDays(-1),
        });

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["expiresAt", "name", "role", "scopes[1]", "scopes[2]"], fields);
        Assert.Contains("Viewer, Operator, Admin, ClusterOwner", problem.GetProperty("errors").GetProperty("role")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoBody_Answers400()
    {
        using var admin = Host.CreateClient(AccessHost.AdminKey);

        using var response = await admin.PostAsync("/api/keys", new StringContent("", System.Text.Encoding.UTF8, "application/json"));

        await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RunAsync_AdminKeyCreatingClusterOwner_Answers403()
    {
        var (_, adminKey) = await Host.CreateKeyAsync(Role.Admin, "second admin");
        using var admin = Host.CreateClient(adminKey);

        using var response = await admin.PostAsJsonAsync("/api/keys", new { name = "owner", role = "ClusterOwner" });

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.StartsWith("A key of role Admin cannot create a key of role ClusterOwner", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ClusterOwnerMadeByBootstrapKey_MayCreateClusterOwners()
    {
        var (_, ownerKey) = await Host.CreateKeyAsync(Role.ClusterOwner, "owner");
        using var owner = Host.CreateClient(ownerKey);

        using var response = await owner.PostAsJsonAsync("/api/keys", new { name = "another owner", role = "ClusterOwner" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
