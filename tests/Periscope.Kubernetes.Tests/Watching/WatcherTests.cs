using Periscope.Kubernetes.Client;
using Periscope.Kubernetes.Resources;
using Periscope.Kubernetes.Watching;

namespace Periscope.Kubernetes.Tests.Watching;

public sealed class WatcherTests
{
    private static readonly WatchOptions Fast = new() { InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(50) };

    // Event lines as API concepts ("Efficient detection of changes", "Watch bookmarks") shows them.
    [Fact]
    public async Task WatchAsync_DropBookmarkAndGone_ResumesThenRelists()
    {
        var bookmarkSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lists = 0;
        var watches = 0;
        await using var server = await FakeApiServer.StartAsync(async c =>
        {
            if (!c.Request.Query.ContainsKey("watch"))
            {
                lists++;
                await c.Response.WriteAsync(lists == 1
                    ? """{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"10"},"items":[{"metadata":{"name":"a","namespace":"ns","resourceVersion":"8"}}]}"""
                    : """{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"50"},"items":[{"metadata":{"name":"b","namespace":"ns","resourceVersion":"49"}}]}""");
                return;
            }

            watches++;
            switch (watches)
            {
                case 1:
                    await c.Response.WriteAsync("""{"type":"ADDED","object":{"kind":"Pod","apiVersion":"v1","metadata":{"name":"b","namespace":"ns","resourceVersion":"11"}}}""" + "\n");
                    await c.Response.WriteAsync("""{"type":"BOOKMARK","object":{"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"12","annotations":{"k8s.io/initial-events-end":"true"}}}}""" + "\n");
                    await c.Response.Body.FlushAsync();
                    await bookmarkSeen.Task;
                    c.Abort(); // a dropped connection
                    break;
                case 2:
                    await c.Response.WriteAsync("""{"type":"MODIFIED","object":{"kind":"Pod","apiVersion":"v1","metadata":{"name":"b","namespace":"ns","resourceVersion":"13"}}}""" + "\n");
                    await c.Response.WriteAsync("""{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 13 (40)","reason":"Expired","code":410}}""" + "\n");
                    break;
                case 3:
                    c.Response.StatusCode = 410;
                    await c.Response.WriteAsync("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version","reason":"Expired","code":410}""");
                    break;
                default:
                    await c.Response.WriteAsync("""{"type":"DELETED","object":{"kind":"Pod","apiVersion":"v1","metadata":{"name":"b","namespace":"ns","resourceVersion":"51"}}}""" + "\n");
                    await Task.Delay(Timeout.Infinite, c.RequestAborted);
                    break;
            }
        });
        using var client = TestClients.For(server);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var seen = new List<string>();
        await foreach (var e in client.WatchAsync(KubernetesResources.Pods, "ns", Fast with { LabelSelector = "app=web" }, cts.Token))
        {
            seen.Add($"{e.Type} {e.Object?.Metadata.Name} {e.ResourceVersion}");
            if (e.Type == WatchEventType.Bookmark)
            {
                bookmarkSeen.SetResult();
            }

            if (e.Type == WatchEventType.Deleted)
            {
                break;
            }
        }

        Assert.Equal(
            [
                "Added a 8", "Synced  10",
                "Added b 11", "Bookmark  12",
                "Modified b 13",
                "Added b 49", "Synced  50",
                "Added b 49", "Synced  50",
                "Deleted b 51",
            ],
            seen);
        var requests = server.Requests.ToList();
        Assert.Equal("GET /api/v1/namespaces/ns/pods?labelSelector=app%3Dweb&limit=500", requests[0]);
        Assert.Equal("GET /api/v1/namespaces/ns/pods?watch=true&allowWatchBookmarks=true&resourceVersion=10&labelSelector=app%3Dweb&timeoutSeconds=300", requests[1]);
        Assert.Contains("resourceVersion=12&", requests[2], StringComparison.Ordinal);
        Assert.Contains("resourceVersion=50&", requests.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_ForbiddenErrorEvent_Throws()
    {
        await using var server = await FakeApiServer.StartAsync(c => c.Response.WriteAsync(
            """{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods is forbidden: User \"system:serviceaccount:periscope:functions\" cannot watch resource \"pods\"","reason":"Forbidden","code":403}}""" + "\n"));
        using var client = TestClients.For(server);

        var e = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            await foreach (var _ in client.WatchAsync(KubernetesResources.Pods, "ns", Fast with { ResourceVersion = "5" }))
            {
            }
        });

        Assert.True(e.IsForbidden);
    }

    [Fact]
    public async Task WatchAsync_Cancelled_StopsWhileWaitingForEvents()
    {
        await using var server = await FakeApiServer.StartAsync(c => Task.Delay(Timeout.Infinite, c.RequestAborted));
        using var client = TestClients.For(server);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.WatchAsync(KubernetesResources.ConfigMaps, "ns", Fast with { ResourceVersion = "1" }, cts.Token))
            {
            }
        });
    }
}
