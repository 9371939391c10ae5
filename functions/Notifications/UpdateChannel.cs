using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Notifications;

/// <summary>
/// <c>PUT /api/alerts/channels/{name}</c> (Admin): replaces a channel made through the API. The body's name, when
/// given, must match; a null <c>secret</c> keeps the stored one, "" removes it. 409 for a channel from configuration.
/// </summary>
internal sealed class UpdateChannel : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapPut("alerts/channels/{name}", RunAsync).RequireRole(Role.Admin);

    private static async Task<IResult> RunAsync(
        string name, ChannelRequest request, ChannelDirectory channels, INotificationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (channels.IsConfigured(name))
        {
            return Problems.Conflict($"The channel '{name}' comes from configuration (Notifications:Channels:{name}); change it there.");
        }

        if (request.Name is { } bodyName && bodyName.Trim() != name)
        {
            return Problems.BadRequest($"The body names '{bodyName}' but the URL names '{name}'; a channel cannot be renamed.");
        }

        if (await store.FindChannelAsync(name, cancellationToken) is not { } existing)
        {
            return Problems.NotFound($"No notification channel is named '{name}'; POST /api/alerts/channels creates one.");
        }

        var (channel, errors) = ChannelValidator.Validate(request with { Name = name }, existing.Secret);
        if (channel is null)
        {
            return Problems.BadRequest("The channel is not valid; see 'errors'.", errors);
        }

        channel = channel with { CreatedAt = existing.CreatedAt, UpdatedAt = clock.GetUtcNow() };
        return await store.UpdateChannelAsync(channel, cancellationToken)
            ? TypedResults.Ok(ChannelView.From(channel))
            : Problems.NotFound($"No notification channel is named '{name}'.");
    }
}
