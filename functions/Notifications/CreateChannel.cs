using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Notifications;

/// <summary>
/// <c>POST /api/alerts/channels</c> (Admin): a new channel. 201 with <c>Location</c> and the channel as reads show
/// it; 400 listing every invalid field; 409 when the name is taken (by configuration too).
/// </summary>
internal sealed class CreateChannel : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapPost("alerts/channels", RunAsync).RequireRole(Role.Admin);

    private static async Task<IResult> RunAsync(
        ChannelRequest request, HttpContext context, ChannelDirectory channels, INotificationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (channel, errors) = ChannelValidator.Validate(request, existingSecret: null);
        if (channel is null)
        {
            return Problems.BadRequest("The channel is not valid; see 'errors'.", errors);
        }

        var now = clock.GetUtcNow();
        channel = channel with { CreatedAt = now, UpdatedAt = now };
        if (channels.IsConfigured(channel.Name) || !await store.CreateChannelAsync(channel, cancellationToken))
        {
            return Problems.Conflict($"A notification channel named '{channel.Name}' exists; PUT /api/alerts/channels/{channel.Name} changes it.");
        }

        var location = $"{context.Request.PathBase}{context.Request.Path.Value?.TrimEnd('/')}/{channel.Name}";
        return TypedResults.Created(location, ChannelView.From(channel));
    }
}
