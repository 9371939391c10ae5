using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Periscope.Kubernetes.Emulator.Resources;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator.Api;

/// <summary>
/// pods/{name}/log: text/plain; container (required when the pod has several), tailLines, sinceSeconds,
/// timestamps, previous, and follow, which streams lines as they are appended until the client leaves or
/// the pod is deleted (kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#get-read-log-of-the-specified-pod).
/// </summary>
internal sealed partial class ApiHandler
{
    private async Task LogsAsync(HttpContext context, RequestPath path)
    {
        var query = context.Request.Query;
        var pod = Get(path);
        var ns = path.Namespace!;
        var name = path.Name!;
        var containers = (pod["spec"]?["containers"] as JsonArray)?.Select(c => Json.Str(c?["name"]) ?? "").ToList() ?? [];
        var all = containers.Concat((pod["spec"]?["initContainers"] as JsonArray)?.Select(c => Json.Str(c?["name"]) ?? "") ?? []).ToList();
        var container = query["container"].ToString();
        if (container.Length == 0)
        {
            container = containers.Count == 1 ? containers[0]
                : throw ApiError.BadRequest($"a container name must be specified for pod {name}, choose one of: [{string.Join(' ', containers)}]");
        }
        else if (!all.Contains(container))
        {
            throw ApiError.BadRequest($"container {container} is not valid for pod {name}");
        }

        var previous = query["previous"] is ["true" or "1"];
        var follow = query["follow"] is ["true" or "1"];
        var timestamps = query["timestamps"] is ["true" or "1"];
        var (lines, changed) = logs.Read(ns, name, container, previous, 0);
        var start = lines.Count;
        IEnumerable<(DateTimeOffset Time, string Text)> first = lines;
        if (int.TryParse(query["sinceSeconds"], out var since))
        {
            first = first.Where(l => l.Time >= DateTimeOffset.UtcNow.AddSeconds(-since));
        }

        if (int.TryParse(query["tailLines"], out var tail) && tail >= 0)
        {
            first = first.TakeLast(tail);
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        await WriteLinesAsync(context, first, timestamps);
        if (!follow || previous)
        {
            return;
        }

        var uid = Json.Str(pod["metadata"]?["uid"]);
        var aborted = context.RequestAborted;
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                await changed.WaitAsync(TimeSpan.FromMilliseconds(250), aborted).ContinueWith(_ => { }, TaskScheduler.Default);
                if (Json.Str(store.Get(ResourceCatalog.Pods, ns, name)?["metadata"]?["uid"]) != uid)
                {
                    return;
                }

                (lines, changed) = logs.Read(ns, name, container, previous: false, start);
                start += lines.Count;
                await WriteLinesAsync(context, lines, timestamps);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task WriteLinesAsync(HttpContext context, IEnumerable<(DateTimeOffset Time, string Text)> lines, bool timestamps)
    {
        foreach (var (time, text) in lines)
        {
            var prefix = timestamps ? time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z '") : "";
            await context.Response.WriteAsync(prefix + text + "\n", context.RequestAborted);
        }

        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
