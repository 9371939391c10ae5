using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Notifications;

/// <summary><c>GET /api/alerts/channels/{name}</c>: one channel, secret and robot token masked.</summary>
internal sealed class GetChannel : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("alerts/channels/{name}", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(string name, ChannelDirectory channels, CancellationToken cancellationToken) =>
        await channels.FindAsync(name, cancellationToken) is { } channel
            ? TypedResults.Ok(ChannelView.From(channel))
            : Problems.NotFound($"No notification channel is named '{name}'.");
}
