using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Access.Doubles;

/// <summary>A function that forgot its access requirement.</summary>
internal sealed class Unguarded : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("unguarded", () => "open to all");
}
