using System.Net;
using System.Text;
using Periscope.Sidecar.Forwarding;

namespace Periscope.Sidecar.Tests.Forwarding;

/// <summary>Bodies are streamed both ways, never held whole.</summary>
public sealed partial class HttpForwarderTests
{
    [Fact]
    public async Task ForwardAsync_ResponseInParts_ClientGetsTheFirstPartBeforeTheRestIsWritten()
    {
        var restAllowed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var rig = await ForwardingRig.StartAsync(async context =>
        {
            await context.Response.WriteAsync("first;", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await restAllowed.Task.WaitAsync(context.RequestAborted);
            await context.Response.WriteAsync("second", context.RequestAborted);
        });

        using var response = await rig.Client.GetAsync(rig.Front("/parts"), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();

        // Had the forwarder buffered the response, "first;" would wait for "second", which waits for this read.
        Assert.Equal("first;", await ReadAtLeastAsync(body, "first;".Length));
        restAllowed.SetResult();
        Assert.Equal("second", await new StreamReader(body).ReadToEndAsync());
        Assert.Equal(new ForwardOutcome(200, ForwardError.None, 0, 12), await rig.OutcomeAsync());
    }

    [Fact]
    public async Task ForwardAsync_BodySlowerThanTheTimeout_StreamsToTheEnd()
    {
        var restAllowed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var rig = await ForwardingRig.StartAsync(async context =>
        {
            if (context.Request.Path == "/warm-up")
            {
                return;
            }

            await context.Response.WriteAsync("headers in time;", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await restAllowed.Task.WaitAsync(context.RequestAborted);
            await context.Response.WriteAsync("body late", context.RequestAborted);
        });

        // A first exchange pays for connecting and JIT, so the short timeout below measures only the answer.
        (await rig.Client.GetAsync(rig.Front("/warm-up"))).Dispose();
        await rig.Outcomes.WaitForCountAsync(1, "the warm-up");
        rig.Timeout = TimeSpan.FromMilliseconds(500);

        using var response = await rig.Client.GetAsync(rig.Front("/slow-body"), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        Assert.Equal("headers in time;", await ReadAtLeastAsync(body, 16));
        await Task.Delay(rig.Timeout * 2); // the scenario itself: the body outlasts the timeout
        restAllowed.SetResult();

        Assert.Equal("body late", await new StreamReader(body).ReadToEndAsync());
        Assert.Equal(new ForwardOutcome(200, ForwardError.None, 0, 25), (await rig.Outcomes.WaitForCountAsync(2, "the slow body's outcome"))[1]);
    }

    [Fact]
    public async Task ForwardAsync_UploadSlowerThanTheTimeout_IsNotCutOffWhileItMoves()
    {
        await using var rig = await ForwardingRig.StartAsync(async context =>
        {
            var received = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
            await context.Response.WriteAsync(received, context.RequestAborted);
        });
        (await rig.Client.GetAsync(rig.Front("/warm-up"))).Dispose();
        await rig.Outcomes.WaitForCountAsync(1, "the warm-up");
        rig.Timeout = TimeSpan.FromSeconds(2);
        string[] parts = ["one;", "two;", "three;", "four;", "five;", "six;", "seven;", "eight;", "nine;", "ten"];
        using var request = new HttpRequestMessage(HttpMethod.Post, rig.Front("/upload"))
        {
            // Ten parts an eighth of the timeout apart: the whole upload outlasts the timeout, no pause does, with room
            // for a pause to run late on a busy machine (half a timeout apart, then a quarter of 1 s, each failed a CI
            // run with 504 once, with every test project running at the same time on two CPUs).
            Content = new TricklingContent(parts, rig.Timeout / 8),
        };

        using var response = await rig.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Concat(parts), await response.Content.ReadAsStringAsync());
        Assert.Equal(ForwardError.None, (await rig.Outcomes.WaitForCountAsync(2, "the upload's outcome"))[1].Error);
    }

    [Fact]
    public async Task ForwardAsync_ChunkedRequestBody_IsStreamedWithoutContentLength()
    {
        var firstPartArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var rig = await ForwardingRig.StartAsync(async context =>
        {
            var first = await ReadAtLeastAsync(context.Request.Body, "part one;".Length);
            firstPartArrived.SetResult();
            var rest = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
            context.Response.Headers["X-Transfer-Encoding-Seen"] = context.Request.Headers.TransferEncoding;
            context.Response.Headers["X-Content-Length-Seen"] = context.Request.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
            await context.Response.WriteAsync(first + rest, context.RequestAborted);
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, rig.Front("/upload"))
        {
            // The second part goes only after the upstream got the first: the forwarder must not wait for the end.
            Content = new GatedContent("part one;", firstPartArrived.Task, "part two"),
        };

        using var response = await rig.Client.SendAsync(request);

        Assert.Equal("part one;part two", await response.Content.ReadAsStringAsync());
        Assert.Equal("chunked", response.Headers.GetValues("X-Transfer-Encoding-Seen").Single());
        Assert.Equal("none", response.Headers.GetValues("X-Content-Length-Seen").Single());
        Assert.Equal(new ForwardOutcome(200, ForwardError.None, 17, 17), await rig.OutcomeAsync());
    }

    [Fact]
    public async Task ForwardAsync_LargeBodies_StreamBothWaysWithExactCounts()
    {
        const long size = 64L * 1024 * 1024;
        long upstreamReceived = 0;
        await using var rig = await ForwardingRig.StartAsync(async context =>
        {
            upstreamReceived = await PatternStream.VerifyAsync(context.Request.Body, context.RequestAborted);
            context.Response.ContentLength = size;
            await PatternStream.WriteAsync(context.Response.Body, size, context.RequestAborted);
        });
        using var request = new HttpRequestMessage(HttpMethod.Put, rig.Front("/blobs/big")) { Content = new PatternContent(size) };

        using var response = await rig.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var downloaded = await PatternStream.VerifyAsync(await response.Content.ReadAsStreamAsync(), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(size, upstreamReceived);
        Assert.Equal(size, downloaded);
        Assert.Equal(new ForwardOutcome(200, ForwardError.None, size, size), await rig.OutcomeAsync());
    }

    private static async Task<string> ReadAtLeastAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer).AsTask().WaitAsync(Patience);
        return Encoding.UTF8.GetString(buffer);
    }
}
