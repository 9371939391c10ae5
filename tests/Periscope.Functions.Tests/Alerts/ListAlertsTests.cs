using System.Net;
using System.Text.Json;

namespace Periscope.Functions.Tests.Alerts;

public sealed class ListAlertsTests(AlertsHostFixture fixture) : IClassFixture<AlertsHostFixture>
{
    private AlertsHost Host => fixture.Host;

    [Fact]
    public async Task List_Filters_MatchLabelsSeverityStateAndTime()
    {
        var ns = "ns-filters";
        await PostAsync(
            "filters",
            AlertPayloads.Alert("Filter", ns, 1, severity: "critical", extra: ("team", "payments")),
            AlertPayloads.Alert("Filter", ns, 2, severity: "warning", extra: ("team", "payments")),
            AlertPayloads.Alert("Filter", ns, 3, startsAt: AlertPayloads.Start.AddHours(1), severity: "warning", extra: ("team", "search")),
            AlertPayloads.Alert("Filter", ns, 4, endsAt: AlertPayloads.Start.AddMinutes(3), severity: "critical"));

        Assert.Equal(3, await CountAsync($"/api/alerts?namespace={ns}"));
        Assert.Equal(4, await CountAsync($"/api/alerts?namespace={ns}&state=all"));
        Assert.Equal(1, await CountAsync($"/api/alerts?namespace={ns}&state=resolved"));
        Assert.Equal(1, await CountAsync($"/api/alerts?namespace={ns}&severity=critical"));
        Assert.Equal(2, await CountAsync($"/api/alerts?namespace={ns}&label=team%3Dpayments"));
        Assert.Equal(1, await CountAsync($"/api/alerts?namespace={ns}&label=team%3Dpayments&label=pod%3Dpod-2"));
        Assert.Equal(1, await CountAsync($"/api/alerts?namespace={ns}&since=2026-11-22T08:30:00Z"));
        Assert.Equal(3, await CountAsync($"/api/alerts?namespace={ns}&state=all&until=2026-11-22T08:30:00Z"));
        Assert.Equal(0, await CountAsync($"/api/alerts?namespace={ns}&alertname=Other"));
    }

    [Fact]
    public async Task List_Paging_WalksEveryAlertOnceNewestFirst()
    {
        var ns = "ns-paging";
        await PostAsync("paging", Enumerable.Range(0, 7).Select(i => AlertPayloads.Alert("Paging", ns, i, startsAt: AlertPayloads.Start.AddMinutes(i))).ToArray());
        var seen = new List<DateTimeOffset>();
        string? next = null;
        do
        {
            var page = await Host.GetJsonAsync($"/api/alerts?namespace={ns}&limit=3" + (next is null ? "" : "&continue=" + Uri.EscapeDataString(next)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("startsAt").GetDateTimeOffset()));
            next = page.TryGetProperty("continue", out var token) ? token.GetString() : null;
        }
        while (next is not null);

        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => AlertPayloads.Start.AddMinutes(i)), seen);
    }

    [Theory]
    [InlineData("state=burning", "state")]
    [InlineData("label=9bad%3Dx", "label")]
    [InlineData("label=novalue", "label")]
    [InlineData("since=yesterday", "since")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("continue=garbage", "continue")]
    public async Task List_BadQuery_Returns400(string query, string field)
    {
        using var client = Host.CreateClient(AlertsHost.AdminKey);

        using var response = await client.GetAsync("/api/alerts?" + query);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains(field, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownOrMalformedId_Returns404Or400()
    {
        using var client = Host.CreateClient(AlertsHost.AdminKey);

        using var unknown = await client.GetAsync("/api/alerts/987654321");
        using var malformed = await client.GetAsync("/api/alerts/abc");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    private async Task<int> CountAsync(string path) => (await Host.GetJsonAsync(path)).GetProperty("items").GetArrayLength();

    private async Task PostAsync(string group, params System.Text.Json.Nodes.JsonObject[] alerts)
    {
        using var response = await Host.PostPayloadAsync(AlertPayloads.Group(group, alerts));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
