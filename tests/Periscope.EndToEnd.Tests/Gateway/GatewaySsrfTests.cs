using Periscope.EndToEnd.Tests.Infrastructure;
using Periscope.Functions.Tests.Invoke;

namespace Periscope.EndToEnd.Tests.Gateway;

/// <summary>
/// Requests that try to make the gateway call something other than a cataloged app's path — Dapr's other
/// APIs through its sidecar, another host, another app — sent with their targets exactly as written.
/// </summary>
[Collection(SharedGateway.Name)]
public sealed class GatewaySsrfTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("/api/invoke/default/echo/../../../v1.0/state/statestore")]
    [InlineData("/api/invoke/default/echo/x/../../../../v1.0/secrets/vault/db")]
    [InlineData("/api/invoke/default/echo/%2e%2e/%2E%2E/%2e%2e/v1.0/metadata")]
    [InlineData("/api/invoke/default/echo/x/..%2F..%2F..%2Fv1.0%2Fstate%2Fstatestore")]
    [InlineData("/api/invoke/default/echo/x%2f..%2f..%2forders%2fmethod%2forders")]
    [InlineData("/api/invoke/default/echo/x%5C..%5C..%5Cv1.0")]
    [InlineData("/api/invoke/default/echo/%252e%252e/%252e%252e/v1.0/state")]
    [InlineData("/api/invoke/default/echo//169.254.169.254/latest/meta-data")]
    [InlineData("/api/invoke/default/echo/http://169.254.169.254/latest/meta-data")]
    [InlineData("/api/invoke/default/echo/x%00y")]
    [InlineData("/api/invoke/default/echo/x%0D%0AHost:%20evil.example")]
    [InlineData("/api/invoke/default/169.254.169.254/latest")]
    [InlineData("/api/invoke/default/evil.example.com:80/x")]
    [InlineData("/api/invoke/default/orders.other-namespace/orders")]
    [InlineData("http://169.254.169.254/api/invoke/default/echo/x")]
    [InlineData("http://127.0.0.1:3500/api/invoke/default/echo/x")]
    public async Task Invoke_Attack_IsRefusedAndReachesNoApp(string target)
    {
        var echoBefore = gateway.Echo.Received.Count;

        var (status, response) = await RawHttp.SendAsync(
            gateway.Functions.BaseAddress, "GET", target, $"Authorization: Bearer {FunctionsServer.AdminKey}\r\n");

        Assert.True(status == 400, $"{target} answered {status}:\n{response}");
        Assert.Equal(echoBefore, gateway.Echo.Received.Count);
    }
}
