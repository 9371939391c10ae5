using Periscope.Sidecar.Configuration;
using Periscope.Sidecar.Health;
using Periscope.Sidecar.Inbound;
using Periscope.Sidecar.Invocation;

namespace Periscope.Sidecar.Hosting;

/// <summary>
/// The sidecar's only middleware: each listener has one job, chosen by the port the connection came in
/// on. No endpoint routing on the forwarding path: every request to the inbound port belongs to the app.
/// </summary>
internal sealed class PortDispatcher(
    SidecarOptions options, InboundHandler inbound, DaprApiHandler dapr, MetricsPortHandler metrics)
{
    public Task DispatchAsync(HttpContext context)
    {
        var port = context.Connection.LocalPort;
        if (port == options.InboundPort)
        {
            return inbound.HandleAsync(context);
        }

        if (port == options.DaprHttpPort)
        {
            return dapr.HandleAsync(context);
        }

        return metrics.HandleAsync(context);
    }
}
