using System.Net;
using System.Text.Json;
using Periscope.Sidecar.Forwarding;
using Periscope.Sidecar.Tests.Fakes;

namespace Periscope.Sidecar.Tests.Forwarding;

/// <summary>Every failure becomes an outcome; the client sees an error, never a short success.</summary>
public sealed partial class HttpForwarderTests
{
    [Fact]
    public async Task ForwardAsync_NothingListens_ConnectFailedBeforeReadingTheBody()
    {
        await using var rig = await ForwardingRig.StartAsync(EchoedRequest.EchoAsync);
        await using var down = new LoopbackServer(_ => Task.CompletedTask);
        await down.ReservePortAsync();
        rig.Destination = down.Url;

        using var response = await rig.Client.PostAsync(rig.Front("/orders"), new StringContent("""{"n":1}"""));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        await AssertDaprErrorAsync(response, "ConnectFailed");
        var outcome = await rig.OutcomeAsync();
        Assert.Equal((0, ForwardError.ConnectFailed, 0L, 0L), (outcome.StatusCode, outcome.Error, outcome.RequestBytes, outcome.ResponseBytes));
        Assert.True(outcome.CanRetryElsewhere);
    }

    [Fact]
    public async Task ForwardAsync_DestinationDropsTheConnectionBeforeAnswering_UpstreamFailedNotRetryable()
    {
        await using var rig = await ForwardingRig.StartAsync(context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });

        using var response = await rig.Client.GetAsync(rig.Front("/crash"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        await AssertDaprErrorAsync(response, "UpstreamFailed");
        var outcome = await rig.OutcomeAsync();
        Assert.Equal(ForwardError.UpstreamFailed, outcome.Error);
        Assert.False(outcome.CanRetryElsewhere);
    }

    [Fact]
    public async Task ForwardAsync_DestinationTooSlow_TimeoutAndTheDestinationCallIsCancelled()
    {
        var upstreamAborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var rig = await ForwardingRig.StartAsync(async context =>
        {
            context.RequestAborted.Register(upstreamAborted.SetResult);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        rig.Timeout = TimeSpan.FromMilliseconds(300);

        using var response = await rig.Client.GetAsync(rig.Front("/slow"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        await AssertDaprErrorAsync(response, "Timeout");
        Assert.Equal(ForwardError.Timeout, (await rig.OutcomeAsync()).Error);
        await upstreamAborted.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task ForwardAsync_ClientGoesAwayWhileWaiting_DestinationCallIsCancelled()
    {
        var upstreamStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var upstreamAborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var rig = await ForwardingRig.StartAsync(async context =>
        {
            context.RequestAborted.Register(upstreamAborted.SetResult);
            upstreamStarted.SetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var leaving = new CancellationTokenSource();

        var call = rig.Client.GetAsync(rig.Front("/wait"), leaving.Token);
        await upstreamStarted.Task.WaitAsync(Patience);
        await leaving.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await upstreamAborted.Task.WaitAsync(Patience);
        Assert.Equal(ForwardError.ClientAborted, (await rig.OutcomeAsync()).Error);
    }

    [Fact]
    public async Task ForwardAsync_ClientGoesAwayMidBody_DestinationCallIsCancelled()
    {
        var upstreamAborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var rig = await ForwardingRig.StartAsync(async context =>
        {
            context.RequestAborted.Register(upstreamAborted.SetResult);
            await context.Response.WriteAsync("some;", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });

        using var response = await rig.Client.GetAsync(rig.Front("/stream"), HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();
        Assert.Equal("some;", await ReadAtLeastAsync(body, 5));

        // Cancelling a read closes the connection at once (disposing would first try to drain the body).
        using var leaving = new CancellationTokenSource();
        var read = body.ReadAsync(new byte[1], leaving.Token).AsTask();
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);

        await upstreamAborted.Task.WaitAsync(Patience);
        var outcome = await rig.OutcomeAsync();
        Assert.Equal((200, ForwardError.ClientAborted, 5L), (outcome.StatusCode, outcome.Error, outcome.ResponseBytes));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ForwardAsync_DestinationResetsMidBody_ClientSeesABrokenResponse(bool withContentLength)
    {
        var clientGotFirstPart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var rig = await ForwardingRig.StartAsync(async context =>
        {
            if (withContentLength)
            {
                context.Response.ContentLength = 1000;
            }

            await context.Response.WriteAsync("partial;", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await clientGotFirstPart.Task.WaitAsync(context.RequestAborted);
            context.Abort();
        });

        using var response = await rig.Client.GetAsync(rig.Front("/download"), HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("partial;", await ReadAtLeastAsync(body, 8));
        clientGotFirstPart.SetResult();

        await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(Stream.Null).WaitAsync(Patience));
        var outcome = await rig.OutcomeAsync();
        Assert.Equal((200, ForwardError.UpstreamFailed, 8L), (outcome.StatusCode, outcome.Error, outcome.ResponseBytes));
    }

    private static async Task AssertDaprErrorAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(DaprErrorCodes.DirectInvoke, json.RootElement.GetProperty("errorCode").GetString());
        Assert.Equal(message, json.RootElement.GetProperty("message").GetString());
    }
}
