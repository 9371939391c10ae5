using Microsoft.AspNetCore.Mvc;
using Periscope.Functions.Calls;
using Periscope.Functions.Catalog;
using Periscope.Functions.Hosting;
using Periscope.Functions.Monitoring;

namespace Periscope.Functions.Alerts;

/// <summary>The query string of <c>GET /api/alerts</c>, checked before it reaches the store; every mistake is listed in one 400.</summary>
internal sealed record AlertFilters
{
    private const int MaxValueLength = 1024;
    private const int MaxLabelFilters = 10;

    /// <summary><c>active</c> (default), <c>firing</c>, <c>acknowledged</c>, <c>resolved</c> or <c>all</c>.</summary>
    [FromQuery(Name = "state")]
    public string? State { get; init; }

    [FromQuery(Name = "namespace")]
    public string? Namespace { get; init; }

    [FromQuery(Name = "severity")]
    public string? Severity { get; init; }

    [FromQuery(Name = "alertname")]
    public string? AlertName { get; init; }

    /// <summary><c>name=value</c>, repeatable; every one must match.</summary>
    [FromQuery(Name = "label")]
    public string[]? Label { get; init; }

    /// <summary>RFC 3339; inclusive, on startsAt.</summary>
    [FromQuery(Name = "since")]
    public string? Since { get; init; }

    /// <summary>RFC 3339; exclusive, on startsAt.</summary>
    [FromQuery(Name = "until")]
    public string? Until { get; init; }

    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    [FromQuery(Name = "continue")]
    public string? Continue { get; init; }

    public AlertQuery? TryCreateQuery(out IResult? problem)
    {
        if (CatalogPaging.TryCreate(Limit, Continue, out problem) is not { } page)
        {
            return null;
        }

        var errors = new QueryErrors();

        AlertListState state = AlertListState.Active;
        errors.Check("state", State is null || Enum.TryParse(State, ignoreCase: true, out state) && !int.TryParse(State, out _)
            ? null
            : $"'state' must be one of active, firing, acknowledged, resolved, all; got '{State}'.");
        foreach (var (field, value) in new[] { ("namespace", Namespace), ("severity", Severity), ("alertname", AlertName) })
        {
            errors.Check(field, value is { Length: 0 or > MaxValueLength } ? $"'{field}' must be 1 to {MaxValueLength} characters." : null);
        }

        var labels = new List<KeyValuePair<string, string>>();
        foreach (var label in Label ?? [])
        {
            var at = label.IndexOf('=', StringComparison.Ordinal);
            if (at < 1 || !PromQl.IsLabelName(label[..at]) || label.Length - at - 1 > MaxValueLength)
            {
                errors.Check("label", $"'label' must read name=value with a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*); got '{label}'.");
                continue;
            }

            labels.Add(new(label[..at], label[(at + 1)..]));
        }

        errors.Check("label", labels.Count > MaxLabelFilters ? $"At most {MaxLabelFilters} 'label' filters." : null);
        var since = errors.Time("since", Since);
        var until = errors.Time("until", Until);
        errors.Check("until", since > until ? $"'since' ({Since}) is after 'until' ({Until})." : null);
        if (errors.TryGetProblem(out problem))
        {
            return null;
        }

        return new AlertQuery(page)
        {
            State = state,
            Namespace = Namespace,
            Severity = Severity,
            AlertName = AlertName,
            Labels = labels,
            Since = since,
            Until = until,
        };
    }
}
