using System.Reflection;
using Periscope.Catalog.Contracts;
using Periscope.Sidecar.Configuration;
using Periscope.Sidecar.Discovery;

namespace Periscope.Sidecar.Reporting;

/// <summary>Builds the report: who the sidecar is, where its app is, and what it serves.</summary>
internal sealed class CatalogReportFactory(SidecarOptions options, TimeProvider time)
{
    private static readonly string? SidecarVersion = typeof(CatalogReportFactory).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    /// <param name="document">What the app serves; null when it serves none.</param>
    /// <param name="includeDocument">False for a heartbeat, which carries only the document's hash.</param>
    /// <param name="traffic">The traffic summary to deliver, if any.</param>
    public CatalogReport Create(AppDocument? document, bool includeDocument, TrafficSummary? traffic = null) => new()
    {
        AppId = options.AppId,
        Namespace = options.Namespace,
        Pod = options.Pod,
        Container = options.Container,
        Endpoint = new ReportedEndpoint { Address = options.EndpointAddress, Port = options.EndpointPort },
        Document = includeDocument && document is not null
            ? new ReportedDocument { ContentType = document.ContentType, Content = document.Content, SourcePath = document.SourcePath }
            : null,
        DocumentHash = document?.Hash,
        Traffic = traffic,
        HeartbeatAt = time.GetUtcNow(),
        SidecarVersion = SidecarVersion,
    };
}
