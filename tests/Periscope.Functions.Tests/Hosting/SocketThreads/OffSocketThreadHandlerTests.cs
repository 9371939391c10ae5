using System.Net;
using System.Net.Http.Headers;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting.SocketThreads;

public sealed class OffSocketThreadHandlerTests
{
    [Fact]
    public async Task SendAsync_AnswerAndBodyCompletedOnAnotherThread_CallerResumesOnPoolThreadEachTime()
    {
        var answer = new DedicatedThread();
        var body = new DedicatedThread();
        using var client = new HttpClient(new OffSocketThreadHandler(new PendingHandler(answer, body)));
        var caller = Call(client);

        await answer.CompleteAsync(0);
        await body.CompleteAsync(5);

        var (afterSend, afterRead, count, headers) = await caller;
        Assert.True(afterSend.PoolThread);
        Assert.True(afterRead.PoolThread);
        Assert.Equal(5, count);
        Assert.Equal("text/plain", headers.ContentType?.MediaType);
        Assert.Equal(5, headers.ContentLength);

        static async Task<(ThreadSeen AfterSend, ThreadSeen AfterRead, int Count, HttpContentHeaders Headers)> Call(HttpClient client)
        {
            using var response = await client.GetAsync("http://periscope.test/", HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            var afterSend = ThreadSeen.Now();
            await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var count = await stream.ReadAsync(new byte[16]).ConfigureAwait(false);
            return (afterSend, ThreadSeen.Now(), count, response.Content.Headers);
        }
    }

    [Fact]
    public async Task SendAsync_FailedOnAnotherThread_ThrowsOnPoolThread()
    {
        var answer = new DedicatedThread();
        using var client = new HttpClient(new OffSocketThreadHandler(new PendingHandler(answer, new DedicatedThread())));
        var caller = ThreadSeen.After(client.GetAsync("http://periscope.test/"));

        await answer.CompleteAsync(0, new HttpRequestException("refused"));

        var (failure, seen) = await caller;
        Assert.IsType<HttpRequestException>(failure);
        Assert.True(seen.PoolThread);
    }

    [Fact]
    public async Task ReadAsStringAsync_BodyCompletedOnAnotherThread_ReturnsTheTextOnPoolThread()
    {
        var answer = new DedicatedThread();
        var body = new DedicatedThread();
        using var client = new HttpClient(new OffSocketThreadHandler(new PendingHandler(answer, body, length: null)));
        var caller = Call(client);

        await answer.CompleteAsync(0);
        await body.CompleteAsync(4);
        await body.CompleteAsync(0);

        var (text, seen) = await caller;
        Assert.Equal("xxxx", text);
        Assert.True(seen.PoolThread);

        static async Task<(string Text, ThreadSeen Seen)> Call(HttpClient client)
        {
            using var response = await client.GetAsync("http://periscope.test/", HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return (text, ThreadSeen.Now());
        }
    }

    /// <summary>Answers when <c>answer</c> completes, with a text/plain body read from a <see cref="PendingStream"/> on <c>body</c>.</summary>
    private sealed class PendingHandler(DedicatedThread answer, DedicatedThread body, long? length = 5) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await answer.Pending().ConfigureAwait(false);
            var content = new StreamContent(new PendingStream(body));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            content.Headers.ContentLength = length;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }
}
