using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Invoke;

/// <summary>
/// <c>{GET,POST,PUT,PATCH,DELETE} /api/invoke/{namespace}/{appId}/{**path}</c>: calls a cataloged service's
/// path through Dapr service invocation and streams its answer back (<see cref="PathInvoker"/>).
/// </summary>
internal sealed class InvokeByPath : IFunction
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapMethods("invoke/{namespace}/{appId}/{**path}", Methods, RunAsync).RequireRole(Role.Operator).RunsOnSocketThread();

    private static Task RunAsync(HttpContext context, string @namespace, string appId, PathInvoker invoker) =>
        invoker.InvokeAsync(context, @namespace, appId);
}
