using Microsoft.Extensions.DependencyInjection.Extensions;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.Calls;

internal static class CallRecordsServiceCollectionExtensions
{
    /// <summary>
    /// Call records (section <c>CallRecords</c>, validated at start-up): the recorder the gateway hands each call
    /// to, the batch writer and retention in the background, and their SQLite store (the catalog's database).
    /// </summary>
    public static IServiceCollection AddCallRecords(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CallRecordsOptions>()
            .Bind(configuration.GetSection(CallRecordsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CallRecordMetrics>();
        services.AddSingleton<CallRecorder>();
        services.AddSingleton<ICallRecorder>(provider => provider.GetRequiredService<CallRecorder>());
        services.AddSingleton<CallRecordRedactor>();
        services.AddSingleton<SqliteCallStore>();
        services.AddSingleton<ICallStore>(provider => provider.GetRequiredService<SqliteCallStore>());
        services.AddHostedService<CallRecordWriter>();
        services.AddHostedService<CallRecordRetention>();
        return services;
    }

    /// <summary>The call record functions, under the host.json route prefix.</summary>
    public static RouteGroupBuilder MapCallFunctions(this RouteGroupBuilder api)
    {
        api.MapFunction<ListCalls>();
        api.MapFunction<GetCall>();
        return api;
    }
}
