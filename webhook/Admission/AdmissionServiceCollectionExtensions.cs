using Periscope.Webhook.Configuration;

namespace Periscope.Webhook.Admission;

internal static class AdmissionServiceCollectionExtensions
{
    /// <summary>The handler, its metrics, the pod reviewer and the injection options (validated here, at start).</summary>
    public static IServiceCollection AddAdmission(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new InjectionOptionsSource(InjectionOptionsReader.Read(configuration)));
        services.AddHostedService<ClusterVersionProbe>();
        services.AddSingleton<AdmissionMetrics>();
        services.AddSingleton<IPodReviewer, SidecarPodReviewer>();
        services.AddSingleton<AdmissionHandler>();
        return services;
    }

    public static WebApplication MapAdmission(this WebApplication app)
    {
        app.MapPost(MutateEndpoint.Path, MutateEndpoint.HandleAsync);
        return app;
    }
}
