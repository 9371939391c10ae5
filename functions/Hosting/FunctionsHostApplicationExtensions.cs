using Periscope.Prometheus;

namespace Periscope.Functions.Hosting;

internal static partial class FunctionsHostApplicationExtensions
{
    /// <summary>
    /// The host's middleware, outermost first: exceptions become 500 problem+json (400/413/415 for
    /// requests that do not bind); empty 4xx/5xx answers (404, 405) become problem+json; routing; then,
    /// for function endpoints only, metrics, the host.json concurrency limit and the function timeout.
    /// </summary>
    public static WebApplication UseFunctionsHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The collector must be listening before the first request records a measurement.
        _ = app.Services.GetRequiredService<PrometheusCollector>();
        var hostJson = app.Services.GetRequiredService<HostJsonOptions>();
        if (hostJson.Source is null)
        {
            LogNoHostJson(app.Logger);
        }

        var timeout = hostJson.FunctionTimeout?.ToString("c") ?? "none";
        LogHostJson(app.Logger, hostJson.Source ?? "defaults", hostJson.RoutePrefix, timeout, hostJson.MaxConcurrentRequests, hostJson.MaxOutstandingRequests);

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<SocketThreadDispatchMiddleware>();
        app.UseMiddleware<FunctionMetricsMiddleware>();
        app.UseMiddleware<FunctionConcurrencyMiddleware>();
        app.UseMiddleware<FunctionTimeoutMiddleware>();
        return app;
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "host.json {Source}: functions under '/{RoutePrefix}', functionTimeout {Timeout}, maxConcurrentRequests {MaxConcurrent}, maxOutstandingRequests {MaxOutstanding}")]
    private static partial void LogHostJson(ILogger logger, string source, string routePrefix, string timeout, int maxConcurrent, int maxOutstanding);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "No host.json next to the app or in the current directory, and Functions:HostJson is not set; using the defaults")]
    private static partial void LogNoHostJson(ILogger logger);
}
