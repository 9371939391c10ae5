using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting.Doubles;

/// <summary><c>GET slow</c>: runs until its cancellation token fires, and reports that it did.</summary>
internal sealed class Slow : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("slow", async (CancellationProbe probe, CancellationToken cancellationToken) =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.OnCancelled();
            throw;
        }

        return TypedResults.Ok();
    });
}
