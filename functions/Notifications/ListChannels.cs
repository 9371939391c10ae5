using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Notifications;

/// <summary><c>GET /api/alerts/channels</c>: every channel, by name, secrets and robot tokens masked.</summary>
internal sealed class ListChannels : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("alerts/channels", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(ChannelDirectory channels, CancellationToken cancellationToken) =>
        TypedResults.Ok(new { items = (await channels.ListAsync(cancellationToken)).Select(ChannelView.From).ToList() });
}
