using System.Net;
using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Gateway;

/// <summary>What the gateway answers when it cannot or must not call: each with a problem saying why.</summary>
[Collection(SharedGateway.Name)]
public sealed class GatewayFailureTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Invoke_UnknownService_Answers404()
    {
        using var response = await gateway.Client.GetAsync("api/invoke/default/no-such-service/x");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-service", (string?)(await response.ReadProblemAsync())["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_OversizeBody_Answers413AndNothingReachesTheApp()
    {
        var before = gateway.Echo.Received.Count;

        using var response = await gateway.Client.PostAsync("api/invoke/default/echo/upload", new ByteArrayContent(new byte[GatewayFixture.MaxRequestBodyBytes + 1]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await response.ReadProblemAsync();
        Assert.Equal(before, gateway.Echo.Received.Count);
    }

    [Fact]
    public async Task Invoke_TargetDown_Answers502WithTheSidecarsCause()
    {
        await gateway.ReportDeadServiceAsync("down");

        using var response = await gateway.Client.GetAsync("api/invoke/default/down/anything");

        var problem = await response.ReadProblemAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadGateway, $"{response.StatusCode}: {problem}\n{gateway.Logs}");
        Assert.Contains("no connection could be made", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal("ERR_DIRECT_INVOKE", (string?)problem["daprErrorCode"]);
    }

    [Fact]
    public async Task Invoke_TargetWithoutCurrentEndpoints_Answers503WithTheSidecarsCause()
    {
        await gateway.ReportDeadServiceAsync("gone-quiet", stale: true);

        using var response = await gateway.Client.GetAsync("api/invoke/default/gone-quiet/anything");

        var problem = await response.ReadProblemAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.StatusCode}: {problem}\n{gateway.Logs}");
        Assert.Contains("no endpoints", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_TargetKeepsFailing_OpensItsCircuit()
    {
        await gateway.ReportDeadServiceAsync("flaky");
        for (var i = 0; i < GatewayFixture.BreakerThroughput; i++)
        {
            using var failed = await gateway.Client.GetAsync("api/invoke/default/flaky/anything");
            Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        }

        using var refused = await gateway.Client.GetAsync("api/invoke/default/flaky/anything");
        using var others = await gateway.Client.GetAsync("api/invoke/default/echo/still-fine");

        var problem = await refused.ReadProblemAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.EndsWith("/circuit-open", (string?)problem["type"], StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
    }

    [Fact]
    public async Task Invoke_WithoutAKey_IsRefused()
    {
        using var anonymous = gateway.Functions.CreateClient(FunctionsCredential.None);

        using var response = await anonymous.GetAsync("api/invoke/default/echo/x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
