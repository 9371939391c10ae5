using System.Globalization;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Calls;

/// <summary><c>GET /api/calls/{id}</c>: one recorded call with its request headers and bodies, redacted.</summary>
internal sealed class GetCall : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("calls/{id}", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(string id, ICallStore store, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return Problems.BadRequest($"'{id}' is not a call record id: ids are positive integers, as GET /api/calls gives them.");
        }

        return await store.GetAsync(number, cancellationToken) is { } call
            ? TypedResults.Ok(CallDetailView.From(call))
            : Problems.NotFound($"No call record has the id {number}; it may have expired.");
    }
}
