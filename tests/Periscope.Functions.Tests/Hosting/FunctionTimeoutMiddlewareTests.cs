using System.Net;

namespace Periscope.Functions.Tests.Hosting;

public sealed class FunctionTimeoutMiddlewareTests
{
    [Fact]
    public async Task InvokeAsync_FunctionRunsPastFunctionTimeout_CancelsItsTokenAndAnswers503Problem()
    {
        await using var host = await FunctionsTestHost.StartAsync("""{ "functionTimeout": "00:00:00.200" }""");

        using var response = await host.Client.GetAsync("/api/slow");

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("https://periscope.dev/problems/function-timeout", problem.GetProperty("type").GetString());
        Assert.Contains("Slow did not finish within functionTimeout (00:00:00.2000000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(host.Get<Doubles.CancellationProbe>().Cancelled.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task InvokeAsync_FunctionFinishesInTime_AnswersNormally()
    {
        await using var host = await FunctionsTestHost.StartAsync("""{ "functionTimeout": "00:00:10" }""");

        using var response = await host.Client.GetAsync("/api/echo/quick");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
