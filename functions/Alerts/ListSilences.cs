using Periscope.Functions.Access;
using Periscope.Functions.Catalog;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Alerts;

/// <summary><c>GET /api/alerts/silences?state=active|pending|expired</c>: Alertmanager's silences (API v2), all states unless one is given.</summary>
internal sealed class ListSilences : IFunction
{
    private static readonly string[] States = ["active", "pending", "expired"];

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapGet("alerts/silences", RunAsync).AddEndpointFilter<AlertmanagerExceptionFilter>().RequireReader();

    private static async Task<IResult> RunAsync(string? state, AlertmanagerClient alertmanager, CancellationToken cancellationToken)
    {
        if (state is not null && !States.Contains(state))
        {
            return Problems.BadRequest($"'state' must be one of {string.Join(", ", States)}; got '{state}'.");
        }

        var silences = await alertmanager.ListSilencesAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<AlertmanagerSilence>(
            silences.Where(silence => state is null || silence.Status?.State == state).ToList(), null));
    }
}
