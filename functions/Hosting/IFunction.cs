namespace Periscope.Functions.Hosting;

/// <summary>
/// One serverless function: one class, one HTTP trigger. <see cref="Map"/> adds its route to the
/// group under the host.json route prefix; the host names the endpoint after the class, and that name
/// labels the function's metrics.
/// </summary>
internal interface IFunction
{
    static abstract RouteHandlerBuilder Map(IEndpointRouteBuilder api);
}
