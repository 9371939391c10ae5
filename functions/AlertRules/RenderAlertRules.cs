using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.AlertRules;

/// <summary>
/// <c>GET /api/alerts/rules/render?format=rulefile|prometheusrule</c>: every rule rendered as a Prometheus rule file
/// (the default) or as the PrometheusRule resource, as YAML (<c>application/yaml</c>, RFC 9512).
/// </summary>
internal sealed class RenderAlertRules : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapGet("alerts/rules/render", RunAsync).RequireReader();

    private static async Task<IResult> RunAsync(string? format, AlertRulePublisher publisher, CancellationToken cancellationToken)
    {
        var kind = (format ?? "rulefile").ToLowerInvariant();
        if (kind is not ("rulefile" or "prometheusrule"))
        {
            return Problems.BadRequest($"'format' must be 'rulefile' or 'prometheusrule'; got '{format}'.");
        }

        var rules = await publisher.RenderAsync(cancellationToken);
        var yaml = kind == "rulefile" ? publisher.RuleFileYaml(rules) : publisher.PrometheusRuleYaml(rules);
        return TypedResults.Text(yaml, "application/yaml; charset=utf-8");
    }
}
