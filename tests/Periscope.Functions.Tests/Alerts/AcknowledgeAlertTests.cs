using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Periscope.Functions.Access;

namespace Periscope.Functions.Tests.Alerts;

public sealed class AcknowledgeAlertTests(AlertsHostFixture fixture) : IClassFixture<AlertsHostFixture>
{
    private AlertsHost Host => fixture.Host;

    [Fact]
    public async Task Acknowledge_Operator_RecordsWhoAndWhenOnce()
    {
        var id = await FireAsync("AckOnce", "ns-ack-once");
        using var client = Host.CreateClient(await Host.CreateKeyAsync(Role.Operator, "night shift"));

        using var first = await client.PostAsJsonAsync($"/api/alerts/{id}/acknowledge", new { comment = "looking" });
        using var second = await client.PostAsync($"/api/alerts/{id}/acknowledge", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var detail = await Host.GetJsonAsync($"/api/alerts/{id}");
        Assert.True(detail.GetProperty("alert").GetProperty("acknowledged").GetBoolean());
        Assert.Equal("night shift", detail.GetProperty("alert").GetProperty("acknowledgedBy").GetString());
        var acknowledgement = Assert.Single(detail.GetProperty("history").EnumerateArray(), entry => entry.GetProperty("state").GetString() == "acknowledged");
        Assert.Equal("night shift", acknowledgement.GetProperty("by").GetString());
        Assert.Equal("looking", acknowledgement.GetProperty("comment").GetString());
    }

    [Fact]
    public async Task Acknowledge_Viewer_Returns403()
    {
        var id = await FireAsync("AckViewer", "ns-ack-viewer");
        using var client = Host.CreateClient(await Host.CreateKeyAsync(Role.Viewer, "viewer"));

        using var response = await client.PostAsync($"/api/alerts/{id}/acknowledge", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Acknowledge_UnknownOrResolved_Returns404Or409()
    {
        var id = await FireAsync("AckResolved", "ns-ack-resolved", AlertPayloads.Start.AddMinutes(1));
        using var client = Host.CreateClient(AlertsHost.AdminKey);

        using var resolved = await client.PostAsync($"/api/alerts/{id}/acknowledge", null);
        using var unknown = await client.PostAsync("/api/alerts/999999999/acknowledge", null);

        Assert.Equal(HttpStatusCode.Conflict, resolved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Acknowledge_ThenResolvesAndFiresAgain_Unacknowledged()
    {
        var id = await FireAsync("AckCycle", "ns-ack-cycle");
        using var client = Host.CreateClient(AlertsHost.AdminKey);
        using var ack = await client.PostAsync($"/api/alerts/{id}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Single(await ItemsAsync("/api/alerts?state=acknowledged&namespace=ns-ack-cycle"));
        Assert.Empty(await ItemsAsync("/api/alerts?state=firing&namespace=ns-ack-cycle"));

        // Resolved by Alertmanager's endsAt, then firing again with the same startsAt (the same occurrence).
        await FireAsync("AckCycle", "ns-ack-cycle", AlertPayloads.Start.AddMinutes(1));
        await FireAsync("AckCycle", "ns-ack-cycle");

        var alert = Assert.Single(await ItemsAsync("/api/alerts?state=firing&namespace=ns-ack-cycle"));
        Assert.Equal(id, alert.GetProperty("id").GetInt64());
        Assert.False(alert.GetProperty("acknowledged").GetBoolean());
        Assert.Empty(await ItemsAsync("/api/alerts?state=acknowledged&namespace=ns-ack-cycle"));
    }

    private async Task<List<JsonElement>> ItemsAsync(string path) =>
        (await Host.GetJsonAsync(path)).GetProperty("items").EnumerateArray().ToList();

    private async Task<long> FireAsync(string name, string @namespace, DateTimeOffset? endsAt = null)
    {
        using var response = await Host.PostPayloadAsync(AlertPayloads.Group(name, [AlertPayloads.Alert(name, @namespace, endsAt: endsAt)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ItemsAsync($"/api/alerts?state=all&namespace={@namespace}")).Single().GetProperty("id").GetInt64();
    }
}
