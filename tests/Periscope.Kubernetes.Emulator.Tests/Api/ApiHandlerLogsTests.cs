using System.Net;

namespace Periscope.Kubernetes.Emulator.Tests.Api;

public sealed class ApiHandlerLogsTests
{
    private const string TwoContainers = """[{"name":"app","image":"nginx"},{"name":"sidecar","image":"periscope"}]""";

    [Fact]
    public async Task Logs_TailLines_ReturnsTheLastLinesAsText()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "web");
        for (var i = 1; i <= 5; i++)
        {
            session.Emulator.AppendLog("default", "web", "app", $"line {i}");
        }

        using var response = await session.Client.GetAsync("/api/v1/namespaces/default/pods/web/log?tailLines=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("line 4\nline 5\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logs_ContainerAndPrevious_SelectTheStream()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "web", containers: TwoContainers);
        session.Emulator.AppendLog("default", "web", "app", "app line");
        session.Emulator.AppendLog("default", "web", "sidecar", "sidecar line");
        session.Emulator.AppendLog("default", "web", "sidecar", "crashed", previous: true);

        var current = await session.Client.GetStringAsync("/api/v1/namespaces/default/pods/web/log?container=sidecar");
        var previous = await session.Client.GetStringAsync("/api/v1/namespaces/default/pods/web/log?container=sidecar&previous=true");

        Assert.Equal("sidecar line\n", current);
        Assert.Equal("crashed\n", previous);
    }

    [Fact]
    public async Task Logs_SeveralContainersNoneNamed_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "web", containers: TwoContainers);

        var response = await session.GetAsync("/api/v1/namespaces/default/pods/web/log");

        StatusAssert.Failure(HttpStatusCode.BadRequest, "BadRequest", response);
        Assert.Equal("a container name must be specified for pod web, choose one of: [app sidecar]", (string?)response.Body!["message"]);
    }

    [Fact]
    public async Task Logs_UnknownContainer_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "web");

        var response = await session.GetAsync("/api/v1/namespaces/default/pods/web/log?container=nope");

        StatusAssert.Failure(HttpStatusCode.BadRequest, "BadRequest", response);
    }

    [Fact]
    public async Task Logs_MissingPod_Returns404()
    {
        await using var session = await EmulatorSession.StartAsync();

        var response = await session.GetAsync("/api/v1/namespaces/default/pods/web/log");

        StatusAssert.Failure(HttpStatusCode.NotFound, "NotFound", response);
    }

    [Fact]
    public async Task Logs_Follow_StreamsAppendedLinesAndEndsWhenPodIsDeleted()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "web");
        session.Emulator.AppendLog("default", "web", "app", "first");
        using var response = await session.Client.GetAsync("/api/v1/namespaces/default/pods/web/log?follow=true", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        Assert.Equal("first", await reader.ReadLineAsync(deadline.Token));
        session.Emulator.AppendLog("default", "web", "app", "second");
        Assert.Equal("second", await reader.ReadLineAsync(deadline.Token));
        await session.DeleteAsync("/api/v1/namespaces/default/pods/web");
        Assert.Null(await reader.ReadLineAsync(deadline.Token));
    }

    [Fact]
    public async Task Logs_Timestamps_PrefixRfc3339NanoTime()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "web");
        session.Emulator.AppendLog("default", "web", "app", "hello");

        var text = await session.Client.GetStringAsync("/api/v1/namespaces/default/pods/web/log?timestamps=true&sinceSeconds=60");

        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z hello\n$", text);
    }
}
