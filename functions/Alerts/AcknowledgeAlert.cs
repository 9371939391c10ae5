using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Alerts;

/// <summary>
/// <c>POST /api/alerts/{id}/acknowledge</c> (Operator): records who took a firing alert and when, once. Body
/// optional: <c>{"comment": "…"}</c>. An alert that resolves and fires again is unacknowledged.
/// </summary>
internal sealed class AcknowledgeAlert : IFunction
{
    private const int MaxCommentLength = 1024;

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapPost("alerts/{id}/acknowledge", RunAsync).RequireRole(Role.Operator);

    private static async Task<IResult> RunAsync(
        string id, AcknowledgeRequest? request, HttpContext context, IAlertStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (AlertId.TryParse(id, out var problem) is not { } number)
        {
            return problem!;
        }

        if (request?.Comment is { Length: > MaxCommentLength })
        {
            return Problems.BadRequest($"'comment' must be at most {MaxCommentLength} characters.");
        }

        var caller = context.GetCaller();
        var outcome = await store.AcknowledgeAsync(number, caller.Name, request?.Comment, clock.GetUtcNow(), cancellationToken);
        return outcome switch
        {
            AcknowledgeOutcome.NotFound => Problems.NotFound($"No alert has the id {number}."),
            AcknowledgeOutcome.Resolved => Problems.Conflict($"Alert {number} has resolved; only firing alerts are acknowledged."),
            _ => TypedResults.Ok(AlertView.From((await store.GetAsync(number, cancellationToken))!)),
        };
    }
}
