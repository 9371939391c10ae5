using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Periscope.Functions.Access;

namespace Periscope.Functions.Tests.Alerts;

public sealed class ReceiveAlertsTests(AlertsHostFixture fixture) : IClassFixture<AlertsHostFixture>
{
    private AlertsHost Host => fixture.Host;

    [Fact]
    public async Task Receive_BearerToken_StoresAndNotifies()
    {
        var response = await Host.PostPayloadAsync(AlertPayloads.Group("bearer", [AlertPayloads.Alert("BearerAlert", "ns-bearer")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(1, receipt["changed"]!.GetValue<int>());
        var notice = Assert.Single(Host.Notifier.For("bearer"));
        var alert = Assert.Single(notice.Alerts);
        Assert.Equal("ns-bearer", alert.Enrichment.Namespace);
        Assert.Equal("http://prometheus:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1", alert.Enrichment.PrometheusUrl);
        Assert.Equal($"https://periscope.example/portal/alerts/{alert.Id}", alert.Enrichment.PortalUrl);
        var list = await Host.GetJsonAsync("/api/alerts?namespace=ns-bearer");
        Assert.Equal("BearerAlert", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("labels").GetProperty("alertname").GetString());
    }

    [Fact]
    public async Task Receive_BasicAuth_Stores()
    {
        using var client = Host.CreateBasicClient(AlertsHost.BasicUser, AlertsHost.BasicPassword);

        using var response = await Host.PostPayloadAsync(AlertPayloads.Group("basic", [AlertPayloads.Alert("BasicAlert", "ns-basic")]), client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single((await Host.GetJsonAsync("/api/alerts?namespace=ns-basic")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Receive_OperatorKey_Admitted()
    {
        using var client = Host.CreateClient(await Host.CreateKeyAsync(Role.Operator, "receiver operator"));

        using var response = await Host.PostPayloadAsync(AlertPayloads.Group("operator", [AlertPayloads.Alert("OperatorAlert", "ns-operator")]), client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("wrong-bearer")]
    [InlineData("wrong-basic")]
    [InlineData("none")]
    [InlineData("viewer")]
    [InlineData("report-token")]
    public async Task Receive_WrongCredential_RefusedAndNothingStored(string credential)
    {
        using var client = credential switch
        {
            "wrong-bearer" => Host.CreateClient("not-the-receiver-token-0123456789"),
            "wrong-basic" => Host.CreateBasicClient(AlertsHost.BasicUser, "not-the-password-0123456789"),
            "viewer" => Host.CreateClient(await Host.CreateKeyAsync(Role.Viewer, "receiver viewer")),
            "report-token" => Host.CreateClient(AlertsHost.ReportToken),
            _ => Host.CreateClient(null),
        };
        var ns = "ns-refused-" + credential;

        using var response = await Host.PostPayloadAsync(AlertPayloads.Group("refused-" + credential, [AlertPayloads.Alert("Refused", ns)]), client);

        Assert.Equal(credential is "viewer" or "report-token" ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty((await Host.GetJsonAsync($"/api/alerts?state=all&namespace={ns}")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Receive_NoCredentialConfigured_Returns503()
    {
        await using var host = await AlertsHost.StartAsync(withReceiverCredentials: false);
        using var client = host.CreateClient(await host.CreateKeyAsync(Role.Operator, "operator"));

        using var response = await host.PostPayloadAsync(AlertPayloads.Group("unconfigured", [AlertPayloads.Alert("A", "ns")]), client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Alerts:Receiver:BearerToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alertmonitor_docs_testing_Testing_firing_extracted.json")]
    [InlineData("prometheus-msteams_examples_card-grafana-inspired-payload.json")]
    [InlineData("prometheus-msteams_prom_post_request.json")]
    public async Task Receive_RealPayload_EveryAlertStored(string file)
    {
        var payload = JsonNode.Parse(AlertPayloads.TestData(file))!;
        var alerts = payload["alerts"]!.AsArray();

        using var response = await Host.PostPayloadAsync(payload.ToJsonString());

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(alerts.Count, JsonNode.Parse(body)!["received"]!.GetValue<int>());
        var name = alerts[0]!["labels"]!["alertname"]!.GetValue<string>();
        var stored = await Host.GetJsonAsync($"/api/alerts?state=all&alertname={Uri.EscapeDataString(name)}");
        Assert.Equal(alerts.Count, stored.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Receive_RealPayloadWithoutVersion_Returns400NamingVersion()
    {
        var payload = JsonNode.Parse(AlertPayloads.TestData("prometheus-msteams_prom_post_request.json"))!.AsObject();
        payload.Remove("version");

        using var response = await Host.PostPayloadAsync(payload.ToJsonString());

        await AssertBadRequestNamingAsync(response, "version");
    }

    [Fact]
    public async Task Receive_WrongVersion_Returns400NamingVersion()
    {
        using var response = await Host.PostPayloadAsync(AlertPayloads.Group("v3", [AlertPayloads.Alert("V3", "ns-v3")], version: "3"));

        await AssertBadRequestNamingAsync(response, "version");
    }

    [Fact]
    public async Task Receive_RealVersion4PayloadWithoutFingerprints_StoredWithAlertmanagersFingerprint()
    {
        using var response = await Host.PostPayloadAsync(AlertPayloads.TestData("prometheus-msteams_prom_post_request.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alerts = (await Host.GetJsonAsync("/api/alerts?alertname=high_memory_load")).GetProperty("items");
        var alert = Assert.Single(alerts.EnumerateArray());
        Assert.Equal("firing", alert.GetProperty("status").GetString());
        Assert.Matches("^[0-9a-f]{16}$", alert.GetProperty("fingerprint").GetString());
    }

    [Theory]
    [InlineData("""{"version":"4","groupKey":"g","alerts":[{"labels":{"a":"b"},"startsAt":"yesterday"}]}""", "alerts[0].startsAt")]
    [InlineData("""{"version":"4","groupKey":"g","alerts":[{"startsAt":"2026-11-22T08:00:00Z"}]}""", "alerts[0].labels")]
    [InlineData("""{"version":"4","groupKey":"g","alerts":[{"labels":{"a":"b"},"startsAt":"2026-11-22T08:00:00Z","status":"burning"}]}""", "alerts[0].status")]
    [InlineData("""{"version":"4","alerts":[]}""", "groupKey")]
    [InlineData("""{"version":"4","groupKey":"g"}""", "alerts")]
    [InlineData("""{"version":"4","groupKey":"g","alerts":[{"labels":{"a":1}}]}""", "alerts[0].labels.a")]
    [InlineData("""{"version":"4",""", "body")]
    public async Task Receive_Malformed_Returns400NamingTheField(string body, string field)
    {
        using var response = await Host.PostPayloadAsync(body);

        await AssertBadRequestNamingAsync(response, field);
    }

    [Fact]
    public async Task Receive_LargerThanLimit_Returns413AndStoresNothing()
    {
        var alerts = Enumerable.Range(0, 1).Select(i => AlertPayloads.Alert("Huge", "ns-huge", i)).ToList();
        alerts[0]["annotations"]!["description"] = new string('x', (int)AlertsHostFixture.MaxBodyBytes);

        using var response = await Host.PostPayloadAsync(AlertPayloads.Group("huge", alerts));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Alerts:Receiver:MaxBodyBytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await Host.GetJsonAsync("/api/alerts?state=all&namespace=ns-huge")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Receive_StormOf1000InOneGroup_AllStoredAndNotifiedOnce()
    {
        var payload = AlertPayloads.Group("storm", Enumerable.Range(0, 1000).Select(i => AlertPayloads.Alert("Storm", "ns-storm", i)));

        using var response = await Host.PostPayloadAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notice = Assert.Single(Host.Notifier.For("storm"));
        Assert.Equal(1000, notice.Alerts.Count);
        Assert.Equal(1000, notice.Alerts.Select(alert => alert.Id).Distinct().Count());
        var stored = await Host.GetJsonAsync("/api/alerts?namespace=ns-storm&limit=1000");
        Assert.Equal(1000, stored.GetProperty("items").GetArrayLength());
        Assert.False(stored.TryGetProperty("continue", out _));
    }

    [Fact]
    public async Task Receive_SamePayloadTwice_OneAlertOneHistoryEntryOneNotice()
    {
        var payload = AlertPayloads.Group("twice", [AlertPayloads.Alert("Twice", "ns-twice")]);

        using var first = await Host.PostPayloadAsync(payload);
        using var second = await Host.PostPayloadAsync(payload);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var receipt = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        Assert.Equal(0, receipt["changed"]!.GetValue<int>());
        Assert.Equal(1, receipt["unchanged"]!.GetValue<int>());
        Assert.Single(Host.Notifier.For("twice"));
        var alert = Assert.Single((await Host.GetJsonAsync("/api/alerts?state=all&namespace=ns-twice")).GetProperty("items").EnumerateArray());
        var detail = await Host.GetJsonAsync($"/api/alerts/{alert.GetProperty("id").GetInt64()}");
        Assert.Single(detail.GetProperty("history").EnumerateArray());
        Assert.True(alert.GetProperty("lastSeen").GetDateTimeOffset() >= alert.GetProperty("firstSeen").GetDateTimeOffset());
    }

    [Fact]
    public async Task Receive_FiringResolvedFiringAgain_TracksStatesAndOccurrences()
    {
        var end = AlertPayloads.Start.AddMinutes(5);
        var again = AlertPayloads.Start.AddMinutes(10);

        await Post("cycle", AlertPayloads.Alert("Cycle", "ns-cycle"));
        await Post("cycle", AlertPayloads.Alert("Cycle", "ns-cycle", endsAt: end));
        await Post("cycle", AlertPayloads.Alert("Cycle", "ns-cycle", startsAt: again));

        var all = (await Host.GetJsonAsync("/api/alerts?state=all&namespace=ns-cycle")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, all.Count);
        Assert.Equal(all[0].GetProperty("fingerprint").GetString(), all[1].GetProperty("fingerprint").GetString());
        Assert.Equal("firing", all[0].GetProperty("status").GetString());
        Assert.Equal(again, all[0].GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal("resolved", all[1].GetProperty("status").GetString());
        Assert.Equal(end, all[1].GetProperty("endsAt").GetDateTimeOffset());
        var history = (await Host.GetJsonAsync($"/api/alerts/{all[1].GetProperty("id").GetInt64()}")).GetProperty("history").EnumerateArray()
            .Select(entry => (entry.GetProperty("state").GetString(), entry.GetProperty("time").GetDateTimeOffset())).ToList();
        Assert.Equal([("firing", AlertPayloads.Start), ("resolved", end)], history);
        Assert.Equal(3, Host.Notifier.For("cycle").Count);
        Assert.Equal("resolved", Host.Notifier.For("cycle")[1].Alerts.Single().Status);
    }

    [Fact]
    public async Task Receive_Truncated_NoteOnTheGroup()
    {
        await Post("truncated", 7, AlertPayloads.Alert("Truncated", "ns-truncated"));

        var alert = Assert.Single((await Host.GetJsonAsync("/api/alerts?namespace=ns-truncated")).GetProperty("items").EnumerateArray());
        var group = (await Host.GetJsonAsync($"/api/alerts/{alert.GetProperty("id").GetInt64()}")).GetProperty("group");
        Assert.Equal(7, group.GetProperty("truncatedAlerts").GetInt32());
        Assert.Contains("max_alerts", group.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    private Task Post(string group, params JsonObject[] alerts) => Post(group, 0, alerts);

    private async Task Post(string group, int truncated, params JsonObject[] alerts)
    {
        using var response = await Host.PostPayloadAsync(AlertPayloads.Group(group, alerts, truncated));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertBadRequestNamingAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Contains($"'{field}'", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
