using Periscope.Functions.Hosting;

namespace Periscope.Functions.Monitoring;

/// <summary>The <c>time</c> parameter of the instant functions: RFC 3339 or unix seconds, now when absent.</summary>
internal static class EvaluationTime
{
    public static DateTimeOffset? TryRead(string? time, TimeProvider clock, out IResult? problem)
    {
        problem = null;
        if (time is null)
        {
            return clock.GetUtcNow();
        }

        if (QueryTime.TryParseTime(time, out var value))
        {
            return value;
        }

        problem = Problems.BadRequest(
            $"'time' must be an RFC 3339 time or unix seconds; got '{time}'.",
            new Dictionary<string, string[]> { ["time"] = [$"'time' must be an RFC 3339 time or unix seconds; got '{time}'."] });
        return null;
    }
}
