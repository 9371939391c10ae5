using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting.Doubles;

/// <summary><c>GET widgets/{name}</c>: there are none, so always a <see cref="Problems.NotFound"/>.</summary>
internal sealed class FindWidget : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapGet("widgets/{name}", static (string name) => Problems.NotFound($"No widget is named '{name}'."));
}
