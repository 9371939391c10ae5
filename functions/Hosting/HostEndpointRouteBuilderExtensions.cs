using Periscope.Prometheus;

namespace Periscope.Functions.Hosting;

internal static class HostEndpointRouteBuilderExtensions
{
    /// <summary>
    /// <c>GET /healthz</c> (liveness: the process answers), <c>GET /readyz</c> (every
    /// <see cref="IReadinessCheck"/> passes, else 503 problem+json naming the failures) and
    /// <c>GET /metrics</c> (Prometheus text format), at the root, outside the route prefix and its limits.
    /// </summary>
    public static RouteGroupBuilder MapHostEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var host = endpoints.MapGroup(string.Empty);
        host.WithMetadata(HostEndpointMetadata.Instance).ExcludeFromDescription();
        host.MapGet("/healthz", static () => TypedResults.Json(new HealthReport("ok"), HostingJsonContext.Default.HealthReport));
        host.MapGet("/readyz", ReadyAsync);
        host.MapGet("/metrics", WriteMetricsAsync);
        return host;
    }

    private static async Task<IResult> ReadyAsync(ReadinessProbe probe, CancellationToken cancellationToken)
    {
        var results = await probe.RunAsync(cancellationToken);
        var checks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, failure) in results)
        {
            checks[name] = failure ?? "ok";
        }

        var failed = results.Where(result => result.Value is not null).Select(result => $"{result.Key}: {result.Value}").ToList();
        return failed.Count == 0
            ? TypedResults.Json(new HealthReport("ok", checks), HostingJsonContext.Default.HealthReport)
            : Problems.Problem(
                StatusCodes.Status503ServiceUnavailable,
                string.Join("; ", failed),
                "not-ready",
                "The functions host is not ready.",
                new Dictionary<string, object?> { ["checks"] = checks });
    }

    private static async Task WriteMetricsAsync(HttpContext context, PrometheusCollector collector)
    {
        context.Response.ContentType = PrometheusCollector.ContentType;
        await collector.WriteToAsync(context.Response.Body, context.RequestAborted);
    }
}
