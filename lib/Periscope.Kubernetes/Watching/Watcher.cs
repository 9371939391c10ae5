using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Periscope.Kubernetes.Client;
using Periscope.Kubernetes.Resources;

namespace Periscope.Kubernetes.Watching;

/// <summary>
/// A list-then-watch loop, the reflector of client-go in small (API concepts, "Efficient detection of changes"):
/// 1. list (page by page) and report every item as Added, then Synced with the list's resourceVersion;
/// 2. watch from that resourceVersion with allowWatchBookmarks=true, reading one JSON event per line;
/// 3. when the stream ends or the connection drops, watch again from the last resourceVersion seen
///    (an event's or a bookmark's), after a backoff if it failed;
/// 4. when the server says that resourceVersion is gone (HTTP 410, or an ERROR event carrying a Status
///    with code 410), go back to 1.
/// </summary>
internal sealed class Watcher<T>(KubernetesClient client, ResourceDescriptor<T> resource, string? ns, WatchOptions options, ILogger logger) : IDisposable
    where T : KubernetesObject
{
    private readonly Queue<WatchEvent<T>> _pending = new();
    private readonly string _path = resource.CollectionPath(ns);
    private string? _resourceVersion = options.ResourceVersion;
    private bool _mustList = options.ResourceVersion is null;
    private int _failures;
    private HttpResponseMessage? _response;
    private StreamReader? _reader;

    public async ValueTask<WatchEvent<T>> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_pending.TryDequeue(out var next))
            {
                return next;
            }

            try
            {
                if (_mustList)
                {
                    await ListAsync(cancellationToken); // 1
                    continue;
                }

                _reader ??= await OpenAsync(cancellationToken); // 2
                if (_reader is null)
                {
                    continue;
                }

                var line = await _reader.ReadLineAsync(cancellationToken);
                if (line is null)
                {
                    WatchLog.Ended(logger, _path, _resourceVersion); // 3
                    Close();
                    continue;
                }

                if (line.Length > 0)
                {
                    Handle(line);
                }
            }
            catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                Close();
                var delay = Backoff();
                WatchLog.Failed(logger, e, _path, _resourceVersion, delay); // 3
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    public void Dispose() => Close();

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        _pending.Clear();
        var page = new ListOptions { LabelSelector = options.LabelSelector, FieldSelector = options.FieldSelector, Limit = options.ListPageSize };
        var count = 0;
        var items = new List<WatchEvent<T>>();
        while (true)
        {
            var list = await client.ListAsync(resource, ns, page, cancellationToken);
            foreach (var item in list.Items)
            {
                items.Add(new WatchEvent<T>(WatchEventType.Added, item, item.Metadata.ResourceVersion));
            }

            count += list.Items.Count;
            _resourceVersion = list.Metadata.ResourceVersion;
            if (string.IsNullOrEmpty(list.Metadata.Continue))
            {
                break;
            }

            page = page with { Continue = list.Metadata.Continue };
        }

        items.ForEach(_pending.Enqueue);
        _pending.Enqueue(new WatchEvent<T>(WatchEventType.Synced, null, _resourceVersion));
        _mustList = false;
        _failures = 0;
        WatchLog.Listed(logger, _path, count, _resourceVersion);
    }

    private async Task<StreamReader?> OpenAsync(CancellationToken cancellationToken)
    {
        var path = new QueryBuilder(_path)
            .Add("watch", true)
            .Add("allowWatchBookmarks", true)
            .Add("resourceVersion", _resourceVersion)
            .Add("labelSelector", options.LabelSelector)
            .Add("fieldSelector", options.FieldSelector)
            .Add("timeoutSeconds", (long)options.WatchTimeout.TotalSeconds)
            .ToString();
        var response = await client.OpenStreamAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Gone)
        {
            response.Dispose();
            Expire(); // 4
            return null;
        }

        try
        {
            await KubernetesClient.EnsureSuccessAsync(response, cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        _response = response;
        return new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    private void Handle(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var type = root.GetProperty("type").GetString();
        var body = root.GetProperty("object");
        if (type == "ERROR")
        {
            var status = body.Deserialize(KubernetesJsonContext.Default.Status) ?? new Status { Message = line };
            var error = new KubernetesApiException(status);
            if (!error.IsGone)
            {
                throw error;
            }

            Close();
            Expire(); // 4
            return;
        }

        var item = body.Deserialize(resource.TypeInfo)
            ?? throw new KubernetesApiException($"Watch of {_path}: an event without an object: {line}");
        _resourceVersion = item.Metadata.ResourceVersion ?? _resourceVersion;
        _failures = 0;
        _pending.Enqueue(new WatchEvent<T>(ParseType(type), item, _resourceVersion));
    }

    private void Expire()
    {
        WatchLog.Expired(logger, _path, _resourceVersion);
        _mustList = true;
    }

    private static WatchEventType ParseType(string? type) => type switch
    {
        "ADDED" => WatchEventType.Added,
        "MODIFIED" => WatchEventType.Modified,
        "DELETED" => WatchEventType.Deleted,
        "BOOKMARK" => WatchEventType.Bookmark,
        _ => throw new KubernetesApiException($"Unknown watch event type '{type}'."),
    };

    private TimeSpan Backoff()
    {
        var factor = Math.Pow(2, Math.Min(_failures++, 16));
        var delay = TimeSpan.FromTicks((long)(options.InitialBackoff.Ticks * factor));
        return delay < options.MaxBackoff ? delay : options.MaxBackoff;
    }

    // A dropped connection, a timeout, or the server briefly unable to answer; everything else
    // (401, 403, 404, a malformed stream) is the caller's to see.
    private static bool IsTransient(Exception e) => e switch
    {
        HttpRequestException or IOException or TimeoutException => true,
        KubernetesApiException api => api.Status.Code is 429 or >= 500,
        _ => false,
    };

    private void Close()
    {
        _reader?.Dispose();
        _reader = null;
        _response?.Dispose();
        _response = null;
    }
}
