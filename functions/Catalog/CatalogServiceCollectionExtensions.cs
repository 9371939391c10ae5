using Periscope.Functions.Hosting;
using Periscope.OpenApi;

namespace Periscope.Functions.Catalog;

internal static class CatalogServiceCollectionExtensions
{
    /// <summary>The catalog's services and options (section <c>Catalog</c>), validated at start-up, and the endpoints' expiry.</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CatalogOptions>()
            .Bind(configuration.GetSection(CatalogOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OpenApiDocumentParser>();
        services.AddSingleton<ReportReader>();
        services.AddSingleton<CatalogIngestion>();
        services.AddSingleton<EndpointExpiry>();
        services.AddHostedService(provider => provider.GetRequiredService<EndpointExpiry>());
        return services;
    }

    /// <summary>The catalog functions, under the host.json route prefix.</summary>
    public static RouteGroupBuilder MapCatalogFunctions(this RouteGroupBuilder api)
    {
        api.MapFunction<IngestReport>();
        api.MapFunction<ListServices>();
        api.MapFunction<GetService>();
        api.MapFunction<ListOperations>();
        api.MapFunction<GetOpenApiDocument>();
        api.MapFunction<GetOperation>();
        api.MapFunction<SearchCatalog>();
        api.MapFunction<GetServiceTraffic>();
        api.MapFunction<ListEndpoints>();
        return api;
    }
}
