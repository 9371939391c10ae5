namespace Periscope.Functions.Tests.Monitoring;

/// <summary>The end-to-end monitoring tests share one real stack (<see cref="MonitoringStackHost"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SharedMonitoringHost : ICollectionFixture<MonitoringStackHost>
{
    public const string Name = "monitoring stack";
}
