using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Gateway;

/// <summary>
/// The functions host as deployed: its own process, started through Program.cs, so its socket completions and the
/// invoke function run on the sockets' event threads (README, "Functions host"). Gateway calls and functions that
/// read and write the store, at once, must all be answered.
/// </summary>
public sealed class FunctionsHostProcessTests
{
    [Fact]
    public async Task HostProcess_GatewayCallsAndStoreFunctionsAtOnce_AllAnswered()
    {
        using var data = new TemporaryDirectory();
        int functionsPort = FreePort.Next(), ordersPort = FreePort.Next(), gatewayDaprPort = FreePort.Next();
        var catalog = $"http://127.0.0.1:{functionsPort}";
        await using var functions = ChildProcess.StartDotnet(
            "Periscope.Functions",
            $"--urls={catalog}",
            $"--Store:DataDirectory={data.Path}",
            $"--Catalog:ReportToken={FunctionsServer.ReportToken}",
            $"--Access:BootstrapKey={FunctionsServer.AdminKey}",
            "--Access:RateLimit:PermitsPerSecond=0",
            $"--Invoke:DaprHttpEndpoint=http://127.0.0.1:{gatewayDaprPort}");
        await using var orders = ChildProcess.StartDotnet("Periscope.Samples.Orders", "--urls", $"http://127.0.0.1:{ordersPort}");
        await using var ordersSidecar = Sidecar("orders", ordersPort, catalog);
        await using var gatewaySidecar = Sidecar("periscope-functions", functionsPort, catalog, "--dapr-http-port", Text(gatewayDaprPort));
        using var client = new HttpClient { BaseAddress = new Uri(catalog), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", FunctionsServer.AdminKey);
        await Eventually.True(
            async () => (await client.GetAsync("api/invoke/default/orders/orders")).StatusCode == HttpStatusCode.OK,
            $"the gateway to reach the orders app\n{functions.Output}\n{ordersSidecar.Output}\n{gatewaySidecar.Output}");

        var calls = Enumerable.Range(0, 40).Select(async i =>
        {
            using var answer = i % 2 == 0
                ? await client.PostAsJsonAsync("api/invoke/default/orders/orders", new
                {
                    customerEmail = $"buyer{i}@example.com",
                    items = new[] { new { sku = "A-1", quantity = 1, unitPrice = 9.5 } },
                })
                : await client.PostAsJsonAsync("api/keys", new { name = $"key {i}", role = "Viewer" });
            return (i, answer.StatusCode, await answer.Content.ReadAsStringAsync());
        });
        var answers = await Task.WhenAll(calls);

        Assert.All(answers, answer => Assert.True(
            answer.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK,
            $"call {answer.i}: {(int)answer.StatusCode} {answer.Item3}"));
        using var keys = await client.GetAsync("api/keys");
        Assert.Equal(20, (await keys.Content.ReadFromJsonAsync<KeyList>())!.Items.Count);
        using var records = await client.GetAsync("api/calls?limit=100");
        Assert.Equal(HttpStatusCode.OK, records.StatusCode);
    }

    private static ChildProcess Sidecar(string appId, int appPort, string catalog, params string[] extra)
    {
        string[] ports = extra.Contains("--dapr-http-port") ? [] : ["--dapr-http-port", Text(FreePort.Next())];
        return ChildProcess.StartSidecar(
        [
            "--app-id", appId,
            "--app-port", Text(appPort),
            "--catalog", catalog,
            "--catalog-token", FunctionsServer.ReportToken,
            "--namespace", "default",
            "--heartbeat-interval", "200ms",
            "--refresh-interval", "200ms",
            "--listen-address", "127.0.0.1",
            "--inbound-port", Text(FreePort.Next()),
            "--metrics-port", Text(FreePort.Next()),
            .. ports,
            .. extra,
        ]);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private sealed record KeyList(IReadOnlyList<object> Items);
}
