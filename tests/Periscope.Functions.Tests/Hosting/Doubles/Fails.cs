using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting.Doubles;

/// <summary><c>GET fails</c>: throws an exception whose message must never reach the caller.</summary>
internal sealed class Fails : IFunction
{
    public const string Secret = "Password=hunter2";

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapGet("fails", IResult () => throw new InvalidOperationException($"Could not connect with {Secret}"));
}
