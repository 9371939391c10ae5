using Microsoft.Extensions.Options;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;
using Periscope.Functions.Monitoring;

namespace Periscope.Functions.AlertRules;

/// <summary>
/// <c>POST /api/alerts/rules</c> (Operator): a new threshold rule. 201 with <c>Location</c>, the rule, its rendered
/// Prometheus rule and what publishing it did; 400 with errors per field; 409 when the name is taken.
/// </summary>
internal sealed class CreateAlertRule : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapPost("alerts/rules", RunAsync).RequireRole(Role.Operator);

    private static async Task<IResult> RunAsync(
        AlertRuleRequest request,
        HttpContext context,
        IAlertRuleStore store,
        AlertRulePublisher publisher,
        IOptions<MonitoringOptions> monitoring,
        TimeProvider clock,
        ILogger<CreateAlertRule> logger,
        CancellationToken cancellationToken)
    {
        var caller = context.GetCaller();
        var (rule, errors) = AlertRuleValidator.Validate(request, routeName: null, clock.GetUtcNow(), caller.Name);
        if (rule is null)
        {
            return Problems.BadRequest("The rule is not valid; see 'errors'.", errors);
        }

        if (!await store.CreateAsync(rule, cancellationToken))
        {
            return Problems.Conflict($"A rule named '{rule.Name}' exists already; PUT /api/alerts/rules/{rule.Name} replaces it.");
        }

        AlertRulesLog.RuleChanged(logger, rule.Name, "created", caller.Name);
        var publication = await publisher.PublishAsync(cancellationToken);
        var location = $"{context.Request.PathBase}{context.Request.Path.Value?.TrimEnd('/')}/{rule.Name}";
        return TypedResults.Created(location, AlertRuleView.From(rule, monitoring.Value.NodeLabel, publication));
    }
}
