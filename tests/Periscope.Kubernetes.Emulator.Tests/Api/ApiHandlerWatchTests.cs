using System.Net;

namespace Periscope.Kubernetes.Emulator.Tests.Api;

public sealed class ApiHandlerWatchTests
{
    [Fact]
    public async Task Watch_FromListResourceVersion_StreamsAddedModifiedDeleted()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "before");
        var (_, list) = await session.GetAsync("/api/v1/namespaces/default/pods");
        var from = (string)list!["metadata"]!["resourceVersion"]!;
        await using var watch = await WatchStream.OpenAsync(session.Client, $"/api/v1/namespaces/default/pods?watch=true&resourceVersion={from}");

        var created = await session.CreatePodAsync("default", "web");
        await session.PatchAsync("/api/v1/namespaces/default/pods/web", """{"metadata":{"labels":{"a":"b"}}}""", "application/merge-patch+json");
        await session.DeleteAsync("/api/v1/namespaces/default/pods/web");

        Assert.Equal("application/json", watch.ContentType);
        Assert.True(watch.Chunked);
        var added = await watch.NextAsync();
        var modified = await watch.NextAsync();
        var deleted = await watch.NextAsync();
        Assert.Equal("ADDED", (string?)added!["type"]);
        Assert.Equal("web", (string?)added["object"]!["metadata"]!["name"]);
        Assert.Equal("Pod", (string?)added["object"]!["kind"]);
        Assert.Equal((string?)created["metadata"]!["resourceVersion"], (string?)added["object"]!["metadata"]!["resourceVersion"]);
        Assert.Equal("MODIFIED", (string?)modified!["type"]);
        Assert.Equal("b", (string?)modified["object"]!["metadata"]!["labels"]!["a"]);
        Assert.Equal("DELETED", (string?)deleted!["type"]);
        Assert.Equal(session.Emulator.CurrentResourceVersion, (string?)deleted["object"]!["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task Watch_WithoutResourceVersion_StartsWithSyntheticAdded()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.CreatePodAsync("default", "a");

        await using var watch = await WatchStream.OpenAsync(session.Client, "/api/v1/namespaces/default/pods?watch=1");

        var first = await watch.NextAsync();
        Assert.Equal("ADDED", (string?)first!["type"]);
        Assert.Equal("a", (string?)first["object"]!["metadata"]!["name"]);
    }

    [Fact]
    public async Task Watch_LabelSelector_DeliversOnlyMatches()
    {
        await using var session = await EmulatorSession.StartAsync();
        await using var watch = await WatchStream.OpenAsync(session.Client, $"/api/v1/pods?watch=true&resourceVersion={session.Emulator.CurrentResourceVersion}&labelSelector=app%3Dweb");

        await session.CreatePodAsync("default", "other", """{"app":"db"}""");
        await session.CreatePodAsync("default", "web", """{"app":"web"}""");

        var first = await watch.NextAsync();
        Assert.Equal("web", (string?)first!["object"]!["metadata"]!["name"]);
    }

    [Fact]
    public async Task Watch_AllowWatchBookmarks_SendsBookmarkWithCurrentResourceVersion()
    {
        await using var session = await EmulatorSession.StartAsync(new KubernetesApiEmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(50) });
        var from = session.Emulator.CurrentResourceVersion;
        await using var watch = await WatchStream.OpenAsync(session.Client, $"/api/v1/namespaces/default/pods?watch=true&allowWatchBookmarks=true&resourceVersion={from}");
        await session.CreateAsync("/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"unrelated"}}""");

        var bookmark = await watch.NextAsync();
        while ((string?)bookmark!["object"]!["metadata"]!["resourceVersion"] == from)
        {
            bookmark = await watch.NextAsync();
        }

        Assert.Equal("BOOKMARK", (string?)bookmark["type"]);
        Assert.Equal("Pod", (string?)bookmark["object"]!["kind"]);
        Assert.Equal("v1", (string?)bookmark["object"]!["apiVersion"]);
        Assert.Equal(session.Emulator.CurrentResourceVersion, (string?)bookmark["object"]!["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task Watch_ResourceVersionOlderThanCompaction_SendsError410AndEnds()
    {
        await using var session = await EmulatorSession.StartAsync();
        var old = session.Emulator.CurrentResourceVersion;
        await session.CreatePodAsync("default", "a");
        session.Emulator.CompactHistory();

        await using var watch = await WatchStream.OpenAsync(session.Client, $"/api/v1/namespaces/default/pods?watch=true&resourceVersion={old}");

        var error = await watch.NextAsync();
        Assert.Equal("ERROR", (string?)error!["type"]);
        var status = error["object"]!;
        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Equal("Failure", (string?)status["status"]);
        Assert.Equal("Expired", (string?)status["reason"]);
        Assert.Equal(410, (int?)status["code"]);
        Assert.StartsWith($"too old resource version: {old}", (string?)status["message"], StringComparison.Ordinal);
        Assert.Null(await watch.NextAsync());
    }

    [Fact]
    public async Task Watch_ResourceVersionAtCompaction_StillWorks()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Emulator.CompactHistory();
        await using var watch = await WatchStream.OpenAsync(session.Client, $"/api/v1/namespaces/default/pods?watch=true&resourceVersion={session.Emulator.CurrentResourceVersion}");

        await session.CreatePodAsync("default", "a");

        Assert.Equal("ADDED", (string?)(await watch.NextAsync())!["type"]);
    }

    [Fact]
    public async Task DropWatchConnections_OpenWatch_StreamBreaks()
    {
        await using var session = await EmulatorSession.StartAsync();
        await using var watch = await WatchStream.OpenAsync(session.Client, $"/api/v1/namespaces/default/pods?watch=true&resourceVersion={session.Emulator.CurrentResourceVersion}");
        await session.CreatePodAsync("default", "a");
        Assert.NotNull(await watch.NextAsync());

        session.Emulator.DropWatchConnections();

        var ended = false;
        try
        {
            ended = await watch.NextAsync() is null;
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            ended = true;
        }

        Assert.True(ended);
    }

    [Fact]
    public async Task Watch_TimeoutSeconds_EndsTheStream()
    {
        await using var session = await EmulatorSession.StartAsync();
        await using var watch = await WatchStream.OpenAsync(session.Client, $"/api/v1/namespaces/default/pods?watch=true&timeoutSeconds=1&resourceVersion={session.Emulator.CurrentResourceVersion}");

        Assert.Null(await watch.NextAsync());
    }

    [Fact]
    public async Task Watch_BadLabelSelector_Returns400()
    {
        await using var session = await EmulatorSession.StartAsync();

        var response = await session.GetAsync("/api/v1/pods?watch=true&labelSelector=a%20in%20b");

        StatusAssert.Failure(HttpStatusCode.BadRequest, "BadRequest", response);
    }
}
