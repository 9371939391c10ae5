using Microsoft.AspNetCore.Http.HttpResults;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Access;

/// <summary><c>GET /api/access/me</c> (any credential): the caller's id, name, kind, role and scopes, for the portal to show what it may do.</summary>
internal sealed class GetCurrentCaller : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("access/me", Run).RequireAuthenticated();

    private static Ok<CallerView> Run(HttpContext context) => TypedResults.Ok(CallerView.From(context.GetCaller()));
}
