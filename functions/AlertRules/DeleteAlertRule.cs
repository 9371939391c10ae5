using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.AlertRules;

/// <summary><c>DELETE /api/alerts/rules/{name}</c> (Operator): removes the rule and publishes the rest. 204; 404 for an unknown name.</summary>
internal sealed class DeleteAlertRule : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapDelete("alerts/rules/{name}", RunAsync).RequireRole(Role.Operator);

    private static async Task<IResult> RunAsync(
        string name, HttpContext context, IAlertRuleStore store, AlertRulePublisher publisher, ILogger<DeleteAlertRule> logger, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(name, cancellationToken))
        {
            return Problems.NotFound($"No threshold rule is named '{name}'.");
        }

        var caller = context.GetCaller();
        AlertRulesLog.RuleChanged(logger, name, "deleted", caller.Name);
        await publisher.PublishAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
