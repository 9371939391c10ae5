using Periscope.Functions.Hosting;

namespace Periscope.Functions.Monitoring;

/// <summary>Answers a failed Prometheus query as problem+json with the status the client chose and <c>prometheusUrl</c>.</summary>
internal sealed class PrometheusProblemFilter(PrometheusClient prometheus) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (PrometheusQueryException exception)
        {
            return Problems.Problem(exception.Status, exception.Message, extensions: new Dictionary<string, object?> { ["prometheusUrl"] = prometheus.DisplayUrl });
        }
    }
}
