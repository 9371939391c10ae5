using System.Diagnostics.Metrics;
using Periscope.Prometheus;

namespace Periscope.Functions.Hosting;

internal static class FunctionsHostBuilderExtensions
{
    /// <summary>Kestrel's address when none is configured: the port Azure Functions Core Tools serve on.</summary>
    public const string DefaultUrl = "http://0.0.0.0:7071";

    /// <summary>
    /// The functions host's services: host.json (read and validated now, so a bad file stops start-up),
    /// problem details for every error, the function metrics and their Prometheus collector, the
    /// concurrency limit and the readiness probe. Listens on <see cref="DefaultUrl"/> unless <c>--urls</c>,
    /// <c>ASPNETCORE_URLS</c>, <c>Urls</c> or <c>Kestrel:Endpoints</c> says otherwise.
    /// </summary>
    public static WebApplicationBuilder AddFunctionsHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(FunctionsHostOptions.Section).Get<FunctionsHostOptions>() ?? new FunctionsHostOptions();
        if (options.Validate().ToList() is { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"Invalid {FunctionsHostOptions.Section} configuration: {string.Join(" ", errors)}");
        }

        var hostJson = HostJsonReader.Load(builder.Configuration, options.HostJson);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Requests start on the socket thread that read them; SocketThreadDispatchMiddleware moves all but the invoke
        // function's to the thread pool. With Program.cs's inline socket completions, a gateway call then runs on one
        // thread from request to answer, as a sidecar's does (bench/README.md, "The gateway host on its socket threads").
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(hostJson);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = DefaultProblemDetail.Fill);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddMetrics();
        services.AddSingleton<FunctionMetrics>();
        services.AddSingleton<FunctionConcurrencyLimit>();
        services.AddSingleton<ReadinessProbe>();
        services.AddSingleton(provider =>
        {
            // This container's meters, and unscoped ones created with `new Meter("Periscope.…")`; not
            // another host's in the same process (tests run several). System.Runtime is .NET's own (GC, thread
            // pool, exceptions: learn.microsoft.com/dotnet/core/diagnostics/built-in-metrics-runtime).
            var meterFactory = provider.GetRequiredService<IMeterFactory>();
            return new PrometheusCollector(new PrometheusCollectorOptions
            {
                MeterNames = ["Periscope.*", "System.Runtime"],
                MeterFilter = meter => meter.Scope is null || ReferenceEquals(meter.Scope, meterFactory),
            });
        });
        return builder;
    }
}
