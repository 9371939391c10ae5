using System.Net;
using System.Text.Json;

namespace Periscope.Functions.Tests.Access;

public sealed class GetCurrentCallerTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    [Theory]
    [InlineData(AccessHost.AdminKey, "bootstrap", "ApiKey", "Admin")]
    [InlineData(AccessHost.ReportToken, "sidecar", "Sidecar", null)]
    public async Task Run_Credential_DescribesTheCaller(string credential, string id, string kind, string? role)
    {
        using var client = fixture.Host.CreateClient(credential);

        using var me = JsonDocument.Parse(await client.GetStringAsync("/api/access/me"));

        Assert.Equal((id, kind), (me.RootElement.GetProperty("id").GetString(), me.RootElement.GetProperty("kind").GetString()));
        Assert.Equal(role, me.RootElement.GetProperty("role").GetString());
        Assert.Empty(me.RootElement.GetProperty("scopes").EnumerateArray());
    }

    [Fact]
    public async Task Run_NoCredentials_Answers401()
    {
        using var response = await fixture.Host.Client.GetAsync("/api/access/me");

        await AccessProblems.ReadAsync(response, HttpStatusCode.Unauthorized);
    }
}
