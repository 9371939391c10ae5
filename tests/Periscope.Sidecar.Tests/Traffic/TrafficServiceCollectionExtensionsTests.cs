using Microsoft.Extensions.DependencyInjection;
using Periscope.Sidecar.Configuration;
using Periscope.Sidecar.Traffic;

namespace Periscope.Sidecar.Tests.Traffic;

public sealed class TrafficServiceCollectionExtensionsTests
{
    [Fact]
    public void AddTraffic_Resolved_OneRecorderBehindTheBatches()
    {
        var options = new SidecarOptions
        {
            AppId = "orders",
            AppPort = 5000,
            CatalogUrl = new Uri("http://127.0.0.1:7071"),
            Pod = "orders-1",
            EndpointPort = 3501,
            MaxInferredOperations = 0,
        };
        using var services = new ServiceCollection().AddLogging().AddTraffic(options).BuildServiceProvider();

        var recorder = services.GetRequiredService<TrafficRecorder>();
        recorder.Record("GET", "/anything", 200, TimeSpan.Zero, 0, 0);

        Assert.Same(recorder, services.GetRequiredService<TrafficRecorder>());
        Assert.Equal(1, services.GetRequiredService<TrafficBatches>().Next(DateTimeOffset.UtcNow)?.UnattributedRequests);
    }
}
