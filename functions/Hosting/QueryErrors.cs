using Periscope.Functions.Calls;

namespace Periscope.Functions.Hosting;

/// <summary>
/// Collects what is wrong with a list function's query parameters, one message per field, so a caller learns
/// every problem in one 400 (problem+json with <c>errors</c> keyed by parameter) rather than one per request.
/// </summary>
internal sealed class QueryErrors
{
    private readonly Dictionary<string, string[]> _errors = [];

    /// <summary>Records <paramref name="error"/> for <paramref name="field"/>; null means the field is fine.</summary>
    public void Check(string field, string? error)
    {
        if (error is not null)
        {
            _errors[field] = [error];
        }
    }

    /// <summary>An optional RFC 3339 date-time parameter; a malformed one is recorded and read as absent.</summary>
    public DateTimeOffset? Time(string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (Rfc3339.TryParse(text, out var time))
        {
            return time;
        }

        Check(field, $"'{field}' must be an RFC 3339 date-time with an offset, such as 2026-11-22T08:00:00Z; got '{text}'.");
        return null;
    }

    /// <summary>The 400 answer when anything was recorded; false when the query is fine.</summary>
    public bool TryGetProblem(out IResult? problem)
    {
        problem = _errors.Count == 0
            ? null
            : Problems.BadRequest(string.Join(" ", _errors.Values.SelectMany(messages => messages)), _errors);
        return problem is not null;
    }
}
