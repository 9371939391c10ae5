using Microsoft.Extensions.Options;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>
/// Deletes endpoints silent for longer than <see cref="CatalogOptions.EndpointRetention"/> (and what only they referred
/// to: <see cref="ICatalogStore.ExpireAsync"/>), once at start and then every <see cref="Interval"/>. Every pod a
/// Deployment replaces leaves an endpoint behind; without this a service's detail would list every pod it ever had,
/// and the table would grow with each rollout.
/// </summary>
internal sealed partial class EndpointExpiry(
    ICatalogStore store, IOptions<CatalogOptions> options, TimeProvider clock, ILogger<EndpointExpiry> logger) : BackgroundService
{
    private readonly TimeSpan _retention = options.Value.EndpointRetention;

    /// <summary>A twenty-fourth of the retention, between one minute and one hour: endpoints outlive it by at most that.</summary>
    public TimeSpan Interval => TimeSpan.FromTicks(Math.Clamp(_retention.Ticks / 24, TimeSpan.TicksPerMinute, TimeSpan.TicksPerHour));

    /// <summary>One pass: deletes what was last heard of before now minus the retention; nothing when the retention is zero.</summary>
    public async Task<CatalogExpiry> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (_retention == TimeSpan.Zero)
        {
            return new CatalogExpiry(0, 0, 0);
        }

        var expired = await store.ExpireAsync(clock.GetUtcNow() - _retention, cancellationToken);
        if (expired.Total > 0)
        {
            LogExpired(logger, expired.Endpoints, expired.TrafficSequences, expired.Documents, _retention);
        }

        return expired;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _retention == TimeSpan.Zero
            ? Task.CompletedTask
            : PeriodicPasses.RunAsync(Interval, clock, RunOnceAsync, exception => LogExpiryFailed(logger, exception), stoppingToken);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Expired {Endpoints} endpoint(s) silent for more than {Retention}, {Sequences} traffic sequence(s) and {Documents} document version(s) nothing refers to")]
    private static partial void LogExpired(ILogger logger, int endpoints, int sequences, int documents, TimeSpan retention);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Expiring endpoints failed; retrying at the next interval (Catalog:EndpointRetention)")]
    private static partial void LogExpiryFailed(ILogger logger, Exception exception);
}
