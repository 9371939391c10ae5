using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Periscope.Functions.Access;

namespace Periscope.Functions.Tests.Alerts;

/// <summary>Silences through the real Alertmanager's API v2.</summary>
public sealed class SilencesTests(AlertmanagerStackFixture fixture) : IClassFixture<AlertmanagerStackFixture>
{
    private AlertsHost Host => fixture.Host;

    [Fact]
    public async Task Silence_CreateListExpire_RoundTripsThroughAlertmanager()
    {
        using var client = Host.CreateClient(await Host.CreateKeyAsync(Role.Operator, "maintenance bot"));

        using var created = await client.PostAsJsonAsync("/api/alerts/silences", new
        {
            matchers = new[] { new { name = "alertname", value = "DiskFull", isRegex = false, isEqual = true } },
            duration = "2h",
            comment = "disk replacement",
        });
        var createdBody = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, createdBody);
        var id = JsonDocument.Parse(createdBody).RootElement.GetProperty("id").GetString()!;

        var inAlertmanager = JsonDocument.Parse(await fixture.Alertmanager.GetJsonAsync("api/v2/silences")).RootElement.EnumerateArray()
            .Single(silence => silence.GetProperty("id").GetString() == id);
        Assert.Equal("maintenance bot", inAlertmanager.GetProperty("createdBy").GetString());
        Assert.Equal("active", inAlertmanager.GetProperty("status").GetProperty("state").GetString());
        var listed = (await Host.GetJsonAsync("/api/alerts/silences?state=active")).GetProperty("items").EnumerateArray()
            .Single(silence => silence.GetProperty("id").GetString() == id);
        Assert.Equal("disk replacement", listed.GetProperty("comment").GetString());
        Assert.Equal("DiskFull", listed.GetProperty("matchers")[0].GetProperty("value").GetString());

        using var expired = await client.DeleteAsync($"/api/alerts/silences/{id}");

        Assert.Equal(HttpStatusCode.NoContent, expired.StatusCode);
        var after = (await Host.GetJsonAsync("/api/alerts/silences")).GetProperty("items").EnumerateArray()
            .Single(silence => silence.GetProperty("id").GetString() == id);
        Assert.Equal("expired", after.GetProperty("status").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Silence_Invalid_Returns400BeforeAlertmanager()
    {
        using var client = Host.CreateClient(AlertsHost.AdminKey);

        using var response = await client.PostAsJsonAsync("/api/alerts/silences", new { matchers = Array.Empty<object>(), comment = "" });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains("matchers", body, StringComparison.Ordinal);
        Assert.Contains("comment", body, StringComparison.Ordinal);
        Assert.Contains("duration", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silence_ExpireUnknown_Returns404FromAlertmanager()
    {
        using var client = Host.CreateClient(AlertsHost.AdminKey);

        using var response = await client.DeleteAsync($"/api/alerts/silences/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Silence_AlertmanagerDown_Returns503WithTheCause()
    {
        await using var host = await AlertsHost.StartAsync("--Alerts:AlertmanagerUrl=http://127.0.0.1:9/");
        using var client = host.CreateClient(AlertsHost.AdminKey);

        using var response = await client.GetAsync("/api/alerts/silences");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, body);
        Assert.Contains("unreachable", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silence_NoAlertmanagerConfigured_Returns503NamingTheSetting()
    {
        await using var host = await AlertsHost.StartAsync();
        using var client = host.CreateClient(AlertsHost.AdminKey);

        using var response = await client.GetAsync("/api/alerts/silences");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Alerts:AlertmanagerUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
