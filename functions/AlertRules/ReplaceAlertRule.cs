using Microsoft.Extensions.Options;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;
using Periscope.Functions.Monitoring;

namespace Periscope.Functions.AlertRules;

/// <summary>
/// <c>PUT /api/alerts/rules/{name}</c> (Operator): creates or replaces the rule of that name (RFC 9110 §9.3.4):
/// 201 when created, 200 when replaced; 400 with errors per field.
/// </summary>
internal sealed class ReplaceAlertRule : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapPut("alerts/rules/{name}", RunAsync).RequireRole(Role.Operator);

    private static async Task<IResult> RunAsync(
        string name,
        AlertRuleRequest request,
        HttpContext context,
        IAlertRuleStore store,
        AlertRulePublisher publisher,
        IOptions<MonitoringOptions> monitoring,
        TimeProvider clock,
        ILogger<ReplaceAlertRule> logger,
        CancellationToken cancellationToken)
    {
        var caller = context.GetCaller();
        var (rule, errors) = AlertRuleValidator.Validate(request, name, clock.GetUtcNow(), caller.Name);
        if (rule is null)
        {
            return Problems.BadRequest("The rule is not valid; see 'errors'.", errors);
        }

        var created = await store.UpsertAsync(rule, cancellationToken);
        AlertRulesLog.RuleChanged(logger, rule.Name, created ? "created" : "replaced", caller.Name);
        var publication = await publisher.PublishAsync(cancellationToken);
        var stored = await store.GetAsync(rule.Name, cancellationToken) ?? rule;
        var view = AlertRuleView.From(stored, monitoring.Value.NodeLabel, publication);
        return created
            ? TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}", view)
            : TypedResults.Ok(view);
    }
}
