using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Invoke;

internal static class InvokeServiceCollectionExtensions
{
    /// <summary>
    /// The gateway's services and options (section <c>Invoke</c>, validated at start-up). The Dapr endpoint and
    /// token default to Dapr's environment variables (<c>DAPR_HTTP_ENDPOINT</c>, <c>DAPR_HTTP_PORT</c>,
    /// <c>DAPR_API_TOKEN</c>); the section overrides them.
    /// </summary>
    public static IServiceCollection AddInvoke(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InvokeOptions>()
            .Configure(options =>
            {
                options.DaprHttpEndpoint = DaprEndpoint.Default(configuration);
                options.DaprApiToken = configuration["DAPR_API_TOKEN"];
            })
            .Bind(configuration.GetSection(InvokeOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<InvokeOptions>, InvokeOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InvokeSettings>();
        services.AddSingleton<SidecarHttpClient>();
        services.AddSingleton<InvokeMetrics>();
        services.AddSingleton<InvokeResilience>();
        services.AddSingleton<ServiceLookup>();
        services.AddSingleton<OperationLookup>();
        services.AddSingleton<OperationDirectory>();
        services.AddSingleton<InvocationRecorder>();
        services.AddSingleton<GatewayForwarder>();
        services.AddSingleton<PathInvoker>();
        services.AddSingleton<OperationInvoker>();
        services.AddSingleton<IStartupFilter, RawInvokeTargetFilter>();
        return services;
    }

    /// <summary>The invoke functions, under the host.json route prefix.</summary>
    public static RouteGroupBuilder MapInvokeFunctions(this RouteGroupBuilder api)
    {
        api.MapFunction<InvokeByPath>();
        api.MapFunction<InvokeOperation>();
        return api;
    }
}
