using Periscope.Sidecar.Configuration;
using Periscope.Sidecar.Resilience;

namespace Periscope.Sidecar.Discovery;

/// <summary>Keeps <see cref="ObservedDocument"/> up to date with what the app serves.</summary>
/// <remarks>
/// 1. Until the app answers, discovery is retried with backoff; nothing is published before then.
/// 2. Discovery asks the configured path, else the well-known paths in order; the first document wins,
///    and an app that answers without one is published as serving none.
/// 3. Every refresh interval the same path is asked again: conditionally when the app gave an ETag
///    (a 304 costs one request, RFC 9110 §15.4.5), else the new bytes are compared by hash.
/// 4. When that path stops serving a document, discovery starts over (the app may have moved it).
/// An app that goes away keeps its last document: it is probably restarting.
/// </remarks>
internal sealed class DocumentWatcher(
    DocumentDiscoverer discoverer,
    AppDocumentClient client,
    ObservedDocument observed,
    SidecarOptions options,
    TimeProvider time,
    ILogger<DocumentWatcher> logger) : BackgroundService
{
    private readonly ExponentialBackoff backoff = new(options.RetryInitialDelay, options.RetryMaxDelay);
    private AppDocument? current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.WatchingApp(options.AppId, options.AppUrl, string.Join(", ", discoverer.Candidates));
        while (true)
        {
            TimeSpan delay;
            try
            {
                delay = current is null ? await DiscoverAsync(stoppingToken) : await RefreshAsync(current, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                delay = backoff.Next();
                logger.DiscoveryFailed(e, delay);
            }

            await Task.Delay(delay, time, stoppingToken);
        }
    }

    private async Task<TimeSpan> DiscoverAsync(CancellationToken cancellationToken)
    {
        // 1, 2.
        var found = await discoverer.DiscoverAsync(cancellationToken);
        switch (found.Status)
        {
            case FetchStatus.Found:
                Observe(found.Document!);
                break;
            case FetchStatus.Unreachable:
                return AppUnreachable(found.Detail);
            default:
                if (observed.Publish(null))
                {
                    logger.NoDocument(found.Detail, options.RefreshInterval);
                }

                break;
        }

        backoff.Reset();
        return options.RefreshInterval;
    }

    private async Task<TimeSpan> RefreshAsync(AppDocument document, CancellationToken cancellationToken)
    {
        // 3.
        var refreshed = await client.FetchAsync(document.SourcePath, document.ETag, cancellationToken);
        switch (refreshed.Status)
        {
            case FetchStatus.NotModified:
                break;
            case FetchStatus.Found:
                Observe(refreshed.Document!);
                break;
            case FetchStatus.Unreachable:
                return AppUnreachable(refreshed.Detail);
            default:
                // 4.
                logger.DocumentLost(document.SourcePath, refreshed.Detail);
                current = null;
                return await DiscoverAsync(cancellationToken);
        }

        backoff.Reset();
        return options.RefreshInterval;
    }

    private void Observe(AppDocument document)
    {
        current = document;
        if (observed.Publish(document))
        {
            logger.DocumentObserved(document.SourcePath, document.Hash, document.Length, document.ContentType);
        }
    }

    private TimeSpan AppUnreachable(string? detail)
    {
        var delay = backoff.Next();
        if (backoff.Failures == 1)
        {
            logger.AppUnreachable(options.AppUrl, detail, delay);
        }
        else
        {
            logger.AppStillUnreachable(options.AppUrl, detail, delay);
        }

        return delay;
    }
}
