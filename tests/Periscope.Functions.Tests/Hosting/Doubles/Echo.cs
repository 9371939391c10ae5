using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting.Doubles;

/// <summary><c>GET echo/{text}</c>: answers the text.</summary>
internal sealed class Echo : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("echo/{text}", static (string text) => TypedResults.Text(text));
}
