using System.Net;
using Periscope.Catalog.Contracts;
using Periscope.Sidecar.Configuration;
using Periscope.Sidecar.Discovery;
using Periscope.Sidecar.Resilience;
using Periscope.Sidecar.Traffic;

namespace Periscope.Sidecar.Reporting;

/// <summary>Tells the catalog what the app serves, sending the document only when the catalog lacks it.</summary>
/// <remarks>
/// 1. Waits for the first observation, so no report claims "no document" before the app was asked.
/// 2. Sends the document when the catalog has not accepted its hash yet; otherwise a heartbeat.
/// 3. When the catalog answers a heartbeat with documentRequired (its store lost the document), sends
///    the document at once.
/// 4. After an accepted report, waits for the heartbeat interval or a document change, whichever is first.
/// 5. A failed report is retried with backoff (or after the catalog's Retry-After); every attempt carries
///    the latest state, so nothing observed while the catalog was away is lost.
/// 6. Every report carries the traffic summary due (<see cref="TrafficBatches"/>): an unacknowledged one
///    again, unchanged, else the traffic since the last one; an accepted report acknowledges it.
/// </remarks>
internal sealed class CatalogReporter(
    CatalogClient catalog,
    CatalogReportFactory reports,
    ObservedDocument observed,
    TrafficBatches traffic,
    SidecarOptions options,
    TimeProvider time,
    ILogger<CatalogReporter> logger) : BackgroundService
{
    private readonly ExponentialBackoff backoff = new(options.RetryInitialDelay, options.RetryMaxDelay);

    /// <summary>Whether the catalog holds <see cref="acceptedHash"/> (which is null for "no document").</summary>
    private bool catalogKnows;
    private string? acceptedHash;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.ReportingTo(catalog.ReportsUrl, options.Namespace, options.Pod, options.HeartbeatInterval);

        // 1.
        await observed.WaitForNewerAsync(0, stoppingToken);
        while (true)
        {
            var observation = observed.Latest!;
            var delay = await ReportAsync(observation.Document, stoppingToken);
            if (delay is { } retry)
            {
                await Task.Delay(retry, time, stoppingToken);
            }
            else
            {
                // 4.
                await WaitForHeartbeatOrChangeAsync(observation.Version, stoppingToken);
            }
        }
    }

    /// <summary>Sends one report; returns null when it was accepted, else how long to wait before trying again.</summary>
    private async Task<TimeSpan?> ReportAsync(AppDocument? document, CancellationToken stoppingToken)
    {
        // 2.
        var sendDocument = document is not null && (!catalogKnows || acceptedHash != document.Hash);
        ReportAttempt attempt;
        // 6.
        var summary = traffic.Next(time.GetUtcNow());
        try
        {
            attempt = await catalog.SendAsync(reports.Create(document, sendDocument, summary), stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            var delay = backoff.Next();
            logger.ReportFailed(e, delay);
            return delay;
        }

        if (attempt.Kind != ReportAttemptKind.Accepted)
        {
            if (summary is not null && attempt.Status == HttpStatusCode.BadRequest)
            {
                // A summary the catalog refuses would be resent unchanged forever and block every
                // report after it: give it up (counted in the log) and retry without it.
                logger.TrafficSummaryRefused(summary.Sequence, attempt.Detail);
                traffic.Acknowledge(summary.Sequence);
            }

            // 5.
            return Failed(attempt);
        }

        if (summary is not null)
        {
            traffic.Acknowledge(summary.Sequence);
        }

        if (backoff.Failures > 0)
        {
            logger.CatalogBack(backoff.Failures);
            backoff.Reset();
        }

        var outcome = attempt.Response?.Outcome;
        if (outcome == ReportOutcome.DocumentRequired && document is not null && !sendDocument)
        {
            // 3.
            logger.DocumentRequired(document.Hash);
            catalogKnows = false;
            return TimeSpan.Zero;
        }

        catalogKnows = true;
        acceptedHash = document?.Hash;
        if (sendDocument)
        {
            logger.DocumentAccepted(document!.Hash, outcome, attempt.Response?.DocumentVersion);
        }
        else
        {
            logger.HeartbeatAccepted(document?.Hash, outcome);
        }

        return null;
    }

    private TimeSpan Failed(ReportAttempt attempt)
    {
        var backoffDelay = backoff.Next();
        var delay = attempt.RetryAfter ?? backoffDelay;
        switch (attempt)
        {
            case { Kind: ReportAttemptKind.Unreachable }:
                logger.CatalogUnreachable(catalog.ReportsUrl, attempt.Detail, delay);
                break;
            case { Kind: ReportAttemptKind.Unavailable, Status: var status }:
                logger.CatalogUnavailable((int?)status, delay);
                break;
            case { Status: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden }:
                logger.CredentialsRejected((int?)attempt.Status, attempt.Detail, options.CatalogToken is null ? "no token is set" : "a token is set", delay);
                break;
            default:
                logger.ReportRejected((int?)attempt.Status, attempt.Detail, delay);
                break;
        }

        return delay;
    }

    private async Task WaitForHeartbeatOrChangeAsync(long version, CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = Task.Delay(options.HeartbeatInterval, time, wake.Token);
        var change = observed.WaitForNewerAsync(version, wake.Token);
        await Task.WhenAny(heartbeat, change);
        await wake.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }
}
