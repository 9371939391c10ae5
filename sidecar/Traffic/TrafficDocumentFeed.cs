using Periscope.Sidecar.Discovery;

namespace Periscope.Sidecar.Traffic;

/// <summary>Gives the traffic recorder each new document discovery finds, so requests are matched to its operations.</summary>
internal sealed class TrafficDocumentFeed(ObservedDocument observed, TrafficRecorder traffic) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long version = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var observation = await observed.WaitForNewerAsync(version, stoppingToken);
            version = observation.Version;
            if (observation.Document is { } document)
            {
                traffic.UseDocument(document.Content, document.ContentType);
            }
        }
    }
}
