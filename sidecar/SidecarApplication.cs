using Microsoft.Extensions.Logging.Console;
using Periscope.Sidecar.Configuration;
using Periscope.Sidecar.Discovery;
using Periscope.Sidecar.Forwarding;
using Periscope.Sidecar.Hosting;
using Periscope.Sidecar.Invocation;
using Periscope.Sidecar.Reporting;
using Periscope.Sidecar.Traffic;

namespace Periscope.Sidecar;

/// <summary>The sidecar host's table of contents; tests build it the same way against loopback fakes.</summary>
internal static class SidecarApplication
{
    public static WebApplication Build(SidecarOptions options, Action<IHostApplicationBuilder>? configure = null)
    {
        // No args: the command line is System.CommandLine's; configuration still reads the environment
        // (Logging__LogLevel__Default=Debug, Logging__Console__FormatterName=json).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "Periscope.Sidecar",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(kestrel => SidecarKestrel.Configure(kestrel, options));

        // With inline socket completions (Program.cs), run the request on the I/O thread too: no code
        // here blocks, and each request saves a dispatch to the thread pool.
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        ConfigureLogging(builder);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddForwarding(ForwarderInvokerFactory.DefaultConnectTimeout);
        builder.Services.AddTraffic(options);
        builder.Services.AddInvocation(options);
        builder.Services.AddDiscovery(options);
        builder.Services.AddReporting(options);
        builder.Services.AddSidecarHosting();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Run(app.Services.GetRequiredService<PortDispatcher>().DispatchAsync);
        return app;
    }

    /// <summary>Parses <paramref name="args"/> like the real command line; throws <see cref="ArgumentException"/> on bad input.</summary>
    public static WebApplication Build(
        IReadOnlyList<string> args, Func<string, string?>? environment = null, Action<IHostApplicationBuilder>? configure = null) =>
        Build(SidecarCommandLine.Parse(args, environment ?? Environment.GetEnvironmentVariable), configure);

    /// <summary>Runs until Ctrl-C or SIGTERM (the host's console lifetime) or <paramref name="cancellationToken"/>.</summary>
    public static async Task RunAsync(SidecarOptions options, CancellationToken cancellationToken)
    {
        await using var app = Build(options);
        await app.RunAsync(cancellationToken);
    }

    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        // Request-by-request logs from ASP.NET Core would cost more than the forwarding itself; the
        // sidecar logs failures on its own. Configuration can still lower this.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        // ASP.NET Core starts an Activity and a log scope for every request whenever this category is on at
        // any level (HostingApplicationDiagnostics.BeginRequest checks IsEnabled(Critical)), for log
        // scopes the sidecar never writes: 18% of what a forwarded request allocated. An ActivityListener
        // (OpenTelemetry) still gets its activities; traceparent is forwarded as received either way.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);

        // Logs are written from the socket thread. When stdout backs up (a container runtime not draining the log pipe)
        // and the console logger's queue is full, its default (Wait) blocks that thread and every connection it serves:
        // drop log lines instead (the logger then writes how many it dropped), unless configuration chooses
        // (Logging__Console__QueueFullMode=Wait). tests/Periscope.EndToEnd.Tests/Logging/StalledLogOutputTests.cs shows both.
        var queueFullModeConfigured = builder.Configuration["Logging:Console:QueueFullMode"] is not null;
        builder.Services.Configure<ConsoleLoggerOptions>(console =>
        {
            // Without a formatter name the console logger falls back to its legacy options and drops these.
            console.FormatterName ??= ConsoleFormatterNames.Simple;
            if (!queueFullModeConfigured)
            {
                console.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite;
            }
        });
        builder.Services.Configure<SimpleConsoleFormatterOptions>(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
    }
}
