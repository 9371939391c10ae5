using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting.Doubles;

/// <summary><c>POST widgets</c>: binds a JSON body; a missing name is a 400 with <c>errors</c>.</summary>
internal sealed class CreateWidget : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapPost("widgets", static (Widget widget) =>
        string.IsNullOrEmpty(widget.Name)
            ? Problems.BadRequest("The widget is not valid; see 'errors'.", new Dictionary<string, string[]> { ["name"] = ["A widget needs a name."] })
            : TypedResults.Created($"/widgets/{widget.Name}", widget));
}
