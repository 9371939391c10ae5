using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Notifications;

/// <summary>
/// <c>DELETE /api/alerts/channels/{name}</c> (Admin): 204. Messages still queued for it are marked failed when the
/// dispatcher reaches them. 409 for a channel from configuration.
/// </summary>
internal sealed class DeleteChannel : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapDelete("alerts/channels/{name}", RunAsync).RequireRole(Role.Admin);

    private static async Task<IResult> RunAsync(string name, ChannelDirectory channels, INotificationStore store, CancellationToken cancellationToken)
    {
        if (channels.IsConfigured(name))
        {
            return Problems.Conflict($"The channel '{name}' comes from configuration (Notifications:Channels:{name}); remove it there.");
        }

        return await store.DeleteChannelAsync(name, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"No notification channel is named '{name}'.");
    }
}
