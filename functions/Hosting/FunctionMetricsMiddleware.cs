using System.Diagnostics;

namespace Periscope.Functions.Hosting;

/// <summary>
/// Records <see cref="FunctionMetrics"/> for each request routed to a function or to no endpoint at all.
/// It runs after routing, so the endpoint is known, and inside the exception handler, so an exception
/// passing through is counted as the 500 it becomes (or 499 when the client went away, as ASP.NET Core's
/// exception handler reports it).
/// </summary>
internal sealed class FunctionMetricsMiddleware(RequestDelegate next, FunctionMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<HostEndpointMetadata>() is not null)
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var statusCode = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            statusCode = context.Response.StatusCode;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            statusCode = StatusCodes.Status499ClientClosedRequest;
            throw;
        }
        finally
        {
            metrics.RecordRequest(
                FunctionEndpointMetadata.FunctionName(context) ?? FunctionMetrics.Unmatched,
                statusCode,
                Stopwatch.GetElapsedTime(started));
        }
    }
}
