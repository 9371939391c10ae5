using System.Diagnostics;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Notifications;

/// <summary>
/// <c>POST /api/alerts/channels/{name}/test</c> (Admin): sends a test message now, outside the outbox and without
/// retries, and answers what came of it: 200 <c>{outcome, statusCode, errcode, latencyMs}</c> when delivered, 502
/// with the same fields and the (scrubbed) error when not, 429 when the channel's rate limit is used up.
/// </summary>
internal sealed class TestChannel : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapPost("alerts/channels/{name}/test", RunAsync).RequireRole(Role.Admin);

    private static async Task<IResult> RunAsync(
        string name,
        ChannelDirectory channels,
        IEnumerable<INotificationSender> senders,
        ChannelRateLimiter rateLimiter,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await channels.FindAsync(name, cancellationToken) is not { } channel)
        {
            return Problems.NotFound($"No notification channel is named '{name}'.");
        }

        var now = clock.GetUtcNow();
        if (!rateLimiter.TryAcquire(channel.Name, now, out var freeAt))
        {
            return Problems.TooManyRequests($"The channel '{name}' has used its messages for this window.", freeAt - now);
        }

        var sender = senders.Single(candidate => candidate.Type == channel.Type);
        var stopwatch = Stopwatch.StartNew();
        var digest = AlertDigest.From([TestNotice.Create(channel, now)]);
        var result = await sender.SendAsync(channel, digest, cancellationToken);
        var outcome = new Dictionary<string, object?>
        {
            ["outcome"] = DeliveryResult.OutcomeName(result.Outcome),
            ["statusCode"] = result.StatusCode,
            ["errcode"] = result.ErrCode,
            ["latencyMs"] = Math.Round(stopwatch.Elapsed.TotalMilliseconds, 1),
        };
        return result.Outcome == DeliveryOutcome.Delivered
            ? TypedResults.Ok(outcome)
            : Problems.Problem(StatusCodes.Status502BadGateway, result.Error ?? "The channel refused the test message.", extensions: outcome);
    }
}
