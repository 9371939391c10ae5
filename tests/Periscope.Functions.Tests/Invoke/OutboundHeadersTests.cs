using Microsoft.AspNetCore.Http;
using Periscope.Functions.Invoke;

namespace Periscope.Functions.Tests.Invoke;

public sealed class OutboundHeadersTests
{
    [Fact]
    public void From_CallersHeaders_KeepsTheAppsAndDropsHopByHopCredentialsAndDapr()
    {
        var headers = new HeaderDictionary
        {
            ["Accept"] = "application/json",
            ["Content-Type"] = "application/json",
            ["Cookie"] = "a=1",
            ["X-Custom"] = "kept",
            ["X-Per-Hop"] = "dropped because Connection lists it",
            ["Connection"] = "keep-alive, X-Per-Hop",
            ["Keep-Alive"] = "timeout=5",
            ["TE"] = "trailers",
            ["Upgrade"] = "websocket",
            ["Proxy-Authorization"] = "Basic eA==",
            ["Transfer-Encoding"] = "chunked",
            ["Host"] = "gateway.example",
            ["Content-Length"] = "5",
            ["Authorization"] = "Bearer periscope-key",
            ["X-API-Key"] = "periscope-key",
            ["dapr-app-id"] = "secrets-app",
            ["Dapr-Api-Token"] = "stolen",
            ["dapr-caller-app-id"] = "admin",
            ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            ["Expect"] = "100-continue",
        };

        var forwarded = OutboundHeaders.From(headers).Select(header => header.Key).ToList();

        Assert.Equal(["Accept", "Content-Type", "Cookie", "X-Custom"], forwarded);
    }

    [Theory]
    [InlineData("Host", true)]
    [InlineData("content-type", true)]
    [InlineData("dapr-app-id", true)]
    [InlineData("Transfer-Encoding", true)]
    [InlineData("traceparent", true)]
    [InlineData("X-API-Key", false)]
    [InlineData("X-Tenant", false)]
    public void IsGatewayOwned_Name_SaysWhetherAParameterMaySetIt(string name, bool expected) =>
        Assert.Equal(expected, OutboundHeaders.IsGatewayOwned(name));
}
