using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.Access;

internal static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// Access control (section <c>Access</c>, validated at start-up): the key store in the shared SQLite
    /// database, authentication, the rate limit, the usage writer and the bootstrap Admin key.
    /// </summary>
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>()
            .Bind(configuration.GetSection(AccessOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqliteKeyStore>();
        services.AddSingleton<IKeyStore>(provider => provider.GetRequiredService<SqliteKeyStore>());
        services.AddSingleton<KeyCache>();
        services.AddSingleton<KeyIssuer>();
        services.AddSingleton<CallerAuthenticator>();
        services.AddSingleton<AlertmanagerCredential>();
        services.AddSingleton<CallerRateLimiter>();
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<AccessMetrics>();
        services.AddSingleton<KeyUsageRecorder>();
        services.AddHostedService(provider => provider.GetRequiredService<KeyUsageRecorder>());
        services.AddHostedService<BootstrapAdminKey>();
        return services;
    }

    /// <summary>The access check on every function (after routing, inside the host's limits and timeout).</summary>
    public static WebApplication UseAccess(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<AccessMiddleware>();
        return app;
    }

    /// <summary>The key management functions and <c>/api/access/me</c>.</summary>
    public static RouteGroupBuilder MapAccessFunctions(this RouteGroupBuilder api)
    {
        api.MapFunction<CreateKey>();
        api.MapFunction<ListKeys>();
        api.MapFunction<GetKey>();
        api.MapFunction<RevokeKey>();
        api.MapFunction<GetCurrentCaller>();
        return api;
    }
}
