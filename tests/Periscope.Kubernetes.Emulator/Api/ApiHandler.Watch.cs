using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Periscope.Kubernetes.Emulator.Selectors;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator.Api;

/// <summary>
/// watch: a chunked stream of {"type","object"} lines (api-concepts, "Efficient detection of changes"):
/// ADDED/MODIFIED/DELETED, BOOKMARK when allowWatchBookmarks=true (an object of the kind carrying only
/// metadata.resourceVersion, "Watch bookmarks"), and for a compacted resourceVersion a single ERROR
/// event whose object is a Status 410 Expired, after which the server closes the stream.
/// </summary>
internal sealed partial class ApiHandler
{
    private async Task WatchAsync(HttpContext context, RequestPath path)
    {
        var query = context.Request.Query;
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], path.Kind);
        var bookmarks = query["allowWatchBookmarks"] is ["true" or "1"];
        long? from = long.TryParse(query["resourceVersion"], out var rv) ? rv : null;

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(context.RequestAborted);

        // Headers go out now so a client sees 200 before the first event, as with a real watch.
        await context.Response.Body.FlushAsync(context.RequestAborted);

        WatchSubscription subscription;
        try
        {
            subscription = store.Subscribe(path.Kind, path.Namespace, from);
        }
        catch (ApiError error)
        {
            await WriteEventAsync(context, "ERROR", error.ToStatus());
            return;
        }

        using var _ = subscription;
        var dropped = watchDropToken();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, dropped);
        if (int.TryParse(query["timeoutSeconds"], out var timeout) && timeout > 0)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(timeout));
        }

        try
        {
            var ready = subscription.Reader.WaitToReadAsync(stop.Token).AsTask();
            Task? tick = null;
            while (true)
            {
                tick ??= Task.Delay(bookmarks ? options.BookmarkInterval : Timeout.InfiniteTimeSpan, stop.Token);
                if (await Task.WhenAny(ready, tick) == ready)
                {
                    if (!await ready)
                    {
                        return;
                    }

                    while (subscription.Reader.TryRead(out var e))
                    {
                        if (labels.Matches(Json.Labels(e.Object)) && fields.Matches(e.Object))
                        {
                            await WriteEventAsync(context, e.Type, e.Object);
                        }
                    }

                    ready = subscription.Reader.WaitToReadAsync(stop.Token).AsTask();
                }
                else
                {
                    await tick;
                    tick = null;
                    if (store.DrainedRevision(subscription) is { } drained)
                    {
                        var bookmark = new JsonObject
                        {
                            ["kind"] = path.Kind.Kind,
                            ["apiVersion"] = path.Kind.ApiVersion,
                            ["metadata"] = new JsonObject { ["resourceVersion"] = drained.ToString() },
                        };
                        await WriteEventAsync(context, "BOOKMARK", bookmark);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // A test hook dropped every watch: cut the connection the way a restarting apiserver or a proxy does.
            if (dropped.IsCancellationRequested)
            {
                context.Abort();
            }
        }
    }

    private static async Task WriteEventAsync(HttpContext context, string type, JsonObject obj)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString() + "\n";
        await context.Response.WriteAsync(line, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
