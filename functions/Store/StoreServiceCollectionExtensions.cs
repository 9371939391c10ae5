using Periscope.Functions.Hosting;
using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.Store;

internal static class StoreServiceCollectionExtensions
{
    /// <summary>The SQLite store (section <c>Store</c>), validated at start-up, its background checkpoint and its readiness check.</summary>
    public static IServiceCollection AddCatalogStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>()
            .Bind(configuration.GetSection(StoreOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SqliteCheckpointer>();
        services.AddHostedService(provider => provider.GetRequiredService<SqliteCheckpointer>());
        services.AddSingleton<SqliteCatalogStore>();
        services.AddSingleton<ICatalogStore>(provider => provider.GetRequiredService<SqliteCatalogStore>());
        services.AddSingleton<IReadinessCheck, StoreReadinessCheck>();
        return services;
    }
}
