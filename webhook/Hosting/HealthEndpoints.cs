using Periscope.Prometheus;

namespace Periscope.Webhook.Hosting;

/// <summary>
/// <c>/healthz</c> (the process answers), <c>/readyz</c> (<see cref="WebhookReadiness"/>) and <c>/metrics</c>
/// (Prometheus text format 0.0.4), on both ports; the plain-HTTP one is what probes and the PodMonitor use.
/// </summary>
internal static class HealthEndpoints
{
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        // The collector records only while it exists: create it now, not at the first scrape.
        _ = app.Services.GetRequiredService<PrometheusCollector>();
        app.MapGet("/healthz", () => TypedResults.Text("ok\n"));
        app.MapGet("/readyz", (WebhookReadiness readiness) =>
        {
            var (ready, detail) = readiness.Check();
            return TypedResults.Text(detail + "\n", statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        app.MapGet("/metrics", async (HttpContext context, PrometheusCollector collector) =>
        {
            context.Response.ContentType = PrometheusCollector.ContentType;
            await collector.WriteToAsync(context.Response.Body, context.RequestAborted);
        });
        return app;
    }
}
