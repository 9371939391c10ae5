using System.Text;
using Periscope.Prometheus;

namespace Periscope.Sidecar.Health;

/// <summary>
/// The metrics port: <c>/metrics</c> (Prometheus text format 0.0.4), <c>/healthz</c> (the sidecar runs),
/// <c>/readyz</c> (the app accepts connections, so invocations can reach it).
/// </summary>
internal sealed class MetricsPortHandler(PrometheusCollector collector, AppProbe app)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            await PlainAsync(context, StatusCodes.Status405MethodNotAllowed, $"{request.Method} is not allowed here; use GET.");
            return;
        }

        switch (request.Path.Value)
        {
            case "/metrics":
                context.Response.ContentType = PrometheusCollector.ContentType;
                await collector.WriteToAsync(context.Response.Body, context.RequestAborted);
                break;
            case "/healthz":
                await PlainAsync(context, StatusCodes.Status200OK, "ok");
                break;
            case "/readyz":
                var (answers, detail) = await app.CheckAsync(context.RequestAborted);
                await PlainAsync(context, answers ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, answers ? "ok" : detail!);
                break;
            default:
                await PlainAsync(context, StatusCodes.Status404NotFound, "Not found. This port serves /metrics, /healthz and /readyz.");
                break;
        }
    }

    private static Task PlainAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text + "\n"), context.RequestAborted).AsTask();
    }
}
