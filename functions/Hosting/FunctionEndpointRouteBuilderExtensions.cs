namespace Periscope.Functions.Hosting;

internal static class FunctionEndpointRouteBuilderExtensions
{
    /// <summary>
    /// A group under host.json's <c>extensions.http.routePrefix</c> (<c>/api</c> by default, the root when it
    /// is empty) for <paramref name="map"/> to add functions to; its endpoints are the ones the host.json
    /// limits, the timeout and the function metrics apply to.
    /// </summary>
    public static RouteGroupBuilder MapFunctions(this IEndpointRouteBuilder endpoints, Action<RouteGroupBuilder> map)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(map);
        var prefix = endpoints.ServiceProvider.GetRequiredService<HostJsonOptions>().RoutePrefix;
        var api = endpoints.MapGroup(prefix.Length == 0 ? string.Empty : "/" + prefix);
        api.WithMetadata(FunctionEndpointMetadata.Instance);
        map(api);
        return api;
    }

    /// <summary>Maps one function and names its endpoint after the class; the name labels its metrics.</summary>
    public static RouteHandlerBuilder MapFunction<TFunction>(this IEndpointRouteBuilder api)
        where TFunction : IFunction =>
        TFunction.Map(api).WithName(typeof(TFunction).Name).WithMetadata(FunctionEndpointMetadata.Instance);
}
