using Microsoft.Extensions.Logging.Console;
using Periscope.Sidecar.Configuration;
using Periscope.Sidecar.Discovery;
using Periscope.Sidecar.Reporting;

namespace Periscope.Sidecar;

/// <summary>The sidecar host's table of contents; tests build it the same way against loopback fakes.</summary>
internal static class SidecarApplication
{
    public static IHost Build(SidecarOptions options, Action<HostApplicationBuilder>? configure = null)
    {
        // No args: the command line is System.CommandLine's; configuration still reads the environment
        // (Logging__LogLevel__Default=Debug, Logging__Console__FormatterName=json).
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "Periscope.Sidecar",
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Without a formatter name the console logger falls back to its legacy options and drops these.
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.FormatterName ??= ConsoleFormatterNames.Simple);
        builder.Services.Configure<SimpleConsoleFormatterOptions>(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDiscovery(options);
        builder.Services.AddReporting(options);
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>Parses <paramref name="args"/> like the real command line; throws <see cref="ArgumentException"/> on bad input.</summary>
    public static IHost Build(
        IReadOnlyList<string> args, Func<string, string?>? environment = null, Action<HostApplicationBuilder>? configure = null) =>
        Build(SidecarCommandLine.Parse(args, environment ?? Environment.GetEnvironmentVariable), configure);

    /// <summary>Runs until Ctrl-C or SIGTERM (the host's console lifetime) or <paramref name="cancellationToken"/>.</summary>
    public static async Task RunAsync(SidecarOptions options, CancellationToken cancellationToken)
    {
        using var host = Build(options);
        await host.RunAsync(cancellationToken);
    }
}
