using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Invoke;

/// <summary>
/// <c>POST /api/operations/{operationKey}/invoke</c>: calls one cataloged operation from parameter values and a
/// JSON body, validated against its low-code view before anything is sent (<see cref="OperationInvoker"/>).
/// </summary>
internal sealed class InvokeOperation : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapPost("operations/{operationKey}/invoke", RunAsync).RequireRole(Role.Operator);

    private static Task RunAsync(HttpContext context, string operationKey, OperationInvoker invoker) =>
        invoker.InvokeAsync(context, operationKey);
}
