namespace Periscope.Functions.Monitoring;

/// <summary>
/// A range query's <c>start</c>, <c>end</c> and <c>step</c>. Prometheus refuses a range of more than 11,000 points
/// per series (web/api/v1/api.go: "exceeded maximum resolution of 11,000 points per timeseries"); this refuses it
/// first, with the smallest step that would do.
/// </summary>
internal sealed record QueryRange(DateTimeOffset Start, DateTimeOffset End, TimeSpan Step)
{
    public const int MaxPoints = 11_000;

    /// <summary>Points a chart gets when no step is given.</summary>
    public const int DefaultPoints = 240;

    public static readonly TimeSpan DefaultSpan = TimeSpan.FromHours(1);

    /// <summary>
    /// Reads the three parameters; <c>end</c> defaults to <paramref name="now"/>, <c>start</c> to an hour before
    /// <c>end</c>, <c>step</c> to about <see cref="DefaultPoints"/> points (at least 1 s). Null and
    /// <paramref name="errors"/> filled when any is wrong.
    /// </summary>
    public static QueryRange? TryCreate(string? start, string? end, string? step, DateTimeOffset now, IDictionary<string, string[]> errors)
    {
        var endTime = now;
        if (end is not null && !QueryTime.TryParseTime(end, out endTime))
        {
            errors["end"] = [$"'end' must be an RFC 3339 time or unix seconds; got '{end}'."];
            endTime = now;
        }

        var startTime = endTime - DefaultSpan;
        if (start is not null && !QueryTime.TryParseTime(start, out startTime))
        {
            errors["start"] = [$"'start' must be an RFC 3339 time or unix seconds; got '{start}'."];
            startTime = endTime - DefaultSpan;
        }

        if (errors.Count == 0 && endTime < startTime)
        {
            errors["end"] = [$"'end' ({end}) is before 'start' ({start})."];
        }

        var span = endTime - startTime;
        var stepValue = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(span.TotalSeconds / DefaultPoints)));
        if (step is not null && !QueryTime.TryParseStep(step, out stepValue))
        {
            errors["step"] = [$"'step' must be a positive number of seconds or a duration such as 15s or 1m; got '{step}'."];
        }
        else if (errors.Count == 0 && span / stepValue + 1 > MaxPoints)
        {
            var smallest = Math.Ceiling(span.TotalSeconds / (MaxPoints - 1));
            errors["step"] = [$"'step' {stepValue.TotalSeconds:0.###} s gives more than {MaxPoints:N0} points from start to end, Prometheus's limit; use at least {smallest:0} s."];
        }

        return errors.Count == 0 ? new QueryRange(startTime, endTime, stepValue) : null;
    }
}
