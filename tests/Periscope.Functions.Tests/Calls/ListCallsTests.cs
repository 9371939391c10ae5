using System.Net;
using System.Text.Json;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Calls;

[Collection(SharedCallsHost.Name)]
public sealed class ListCallsTests(CallsHost host)
{
    [Fact]
    public async Task RunAsync_Filters_AnswerMatchingCallsNewestFirstWithoutBodies()
    {
        await host.Store.InsertAsync(
        [
            CallSamples.Stored(appId: "list-filters", status: 200, secondsAfterStart: 0),
            CallSamples.Stored(appId: "list-filters", status: 502, secondsAfterStart: 60, keyId: "list-filters-key") with { RequestBody = "x", BodyEncoding = "utf-8" },
            CallSamples.Stored(appId: "list-filters", status: 503, secondsAfterStart: 120, operationKey: "default.list-filters.get"),
        ], CancellationToken.None);

        var all = await StatusesAsync("/api/calls?namespace=default&appId=list-filters");
        var errors = await StatusesAsync("/api/calls?appId=list-filters&statusClass=5xx");
        var exact = await StatusesAsync("/api/calls?appId=list-filters&status=502");
        var byKey = await StatusesAsync("/api/calls?keyId=list-filters-key");
        var byOperation = await StatusesAsync("/api/calls?operation=default.list-filters.get");
        var window = await StatusesAsync("/api/calls?appId=list-filters&from=2026-11-22T08:01:00Z&to=2026-11-22T16:02:00%2B08:00");

        Assert.Equal([503, 502, 200], all);
        Assert.Equal([503, 502], errors);
        Assert.Equal([502], exact);
        Assert.Equal([502], byKey);
        Assert.Equal([503], byOperation);
        Assert.Equal([502], window);
        var item = (await host.GetJsonAsync("/api/calls?keyId=list-filters-key")).GetProperty("items")[0];
        Assert.Equal(
            ["id", "time", "keyId", "namespace", "appId", "operationKey", "method", "pathTemplate", "status", "latencyMs", "requestBytes", "responseBytes", "traceId", "error"],
            item.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task RunAsync_Continue_WalksEveryPageOnce()
    {
        await host.Store.InsertAsync(Enumerable.Range(0, 5).Select(i => CallSamples.Stored(appId: "list-paging", secondsAfterStart: i)).ToList(), CancellationToken.None);
        var ids = new List<long>();
        var path = "/api/calls?appId=list-paging&limit=2";
        var pages = 0;
        while (true)
        {
            var page = await host.GetJsonAsync(path);
            pages++;
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetInt64()));
            if (!page.TryGetProperty("continue", out var token))
            {
                break;
            }

            path = "/api/calls?appId=list-paging&limit=2&continue=" + Uri.EscapeDataString(token.GetString()!);
        }

        Assert.Equal(3, pages);
        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal(ids.OrderDescending(), ids);
    }

    [Theory]
    [InlineData("statusClass=6xx", "statusClass")]
    [InlineData("statusClass=2XY", "statusClass")]
    [InlineData("status=99", "status")]
    [InlineData("status=abc", "status")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-11-22T08:00:00", "from")]
    [InlineData("to=2026-11-22", "to")]
    [InlineData("from=2026-11-22T09:00:00Z&to=2026-11-22T08:00:00Z", "to")]
    [InlineData("namespace=Default", "namespace")]
    [InlineData("appId=a/b", "appId")]
    [InlineData("operation=orders", "operation")]
    public async Task RunAsync_BadFilter_Answers400NamingTheField(string query, string field)
    {
        using var response = await host.Client.GetAsync("/api/calls?" + query);

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("limit=abc")]
    [InlineData("continue=forged")]
    [InlineData("continue=YWJj")]
    public async Task RunAsync_BadPaging_Answers400(string query)
    {
        using var response = await host.Client.GetAsync("/api/calls?" + query);

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(JsonValueKind.String, problem.GetProperty("detail").ValueKind);
    }

    private async Task<int[]> StatusesAsync(string path) =>
        (await host.GetJsonAsync(path)).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("status").GetInt32()).ToArray();
}
