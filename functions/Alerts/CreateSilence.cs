using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Alerts;

/// <summary>
/// <c>POST /api/alerts/silences</c> (Operator): creates a silence in Alertmanager (API v2); <c>createdBy</c> is the
/// caller's key name, so the silence says who made it.
/// </summary>
internal sealed class CreateSilence : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapPost("alerts/silences", RunAsync).AddEndpointFilter<AlertmanagerExceptionFilter>().RequireRole(Role.Operator);

    private static async Task<IResult> RunAsync(
        CreateSilenceRequest request, HttpContext context, AlertmanagerClient alertmanager, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Check(context.GetCaller().Name, clock.GetUtcNow(), out var errors) is not { } silence)
        {
            return Problems.BadRequest(string.Join(" ", errors.Values.SelectMany(messages => messages)), errors);
        }

        var id = await alertmanager.CreateSilenceAsync(silence, cancellationToken);
        return TypedResults.Created((string?)null, new SilenceCreated(id, silence));
    }
}
