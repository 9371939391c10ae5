using System.Text.RegularExpressions;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Alerts;

/// <summary><c>DELETE /api/alerts/silences/{id}</c> (Operator): expires the silence in Alertmanager (API v2); 204 when done.</summary>
internal sealed partial class ExpireSilence : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapDelete("alerts/silences/{id}", RunAsync).AddEndpointFilter<AlertmanagerExceptionFilter>().RequireRole(Role.Operator);

    /// <summary>Alertmanager's silence ids are UUIDs; anything of that alphabet and length is passed on.</summary>
    [GeneratedRegex("^[A-Za-z0-9-]{1,64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SilenceId();

    private static async Task<IResult> RunAsync(string id, AlertmanagerClient alertmanager, CancellationToken cancellationToken)
    {
        if (!SilenceId().IsMatch(id))
        {
            return Problems.BadRequest($"'{id}' is not a silence id: Alertmanager's ids are UUIDs, as GET /api/alerts/silences gives them.");
        }

        await alertmanager.ExpireSilenceAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }
}
