using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting.Doubles;

/// <summary><c>GET gated</c>: waits at the <see cref="FunctionGate"/> (not on the request's token), then answers 200.</summary>
internal sealed class Gated : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("gated", async (FunctionGate gate) =>
    {
        gate.Enter();
        await gate.Released;
        return TypedResults.Text("released");
    });
}
