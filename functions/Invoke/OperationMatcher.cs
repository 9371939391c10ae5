using Periscope.Functions.Store;

namespace Periscope.Functions.Invoke;

/// <summary>
/// Which documented operation of a service a call is, by method and path, for call records and metrics.
/// </summary>
/// <remarks>
/// 1. The path (query cut off) loses the document's server prefix when it starts with it; one trailing
///    slash is ignored on both sides.
/// 2. Segments are percent-decoded one by one (a decoded %2F stays inside its segment) and compared
///    case-sensitively (RFC 3986 §6.2.2.1).
/// 3. Candidates have the method (HEAD falling back to GET, RFC 9110 §9.3.2) and the segment count; the
///    most concrete wins: literal, then literal with variables, then variable, position by position
///    (OpenAPI 3.1 §4.8.9.1, "concrete paths are matched before templated ones").
/// </remarks>
internal sealed class OperationMatcher
{
    private readonly Dictionary<(string Method, int Segments), Candidate[]> candidates;
    private readonly string prefix;

    public OperationMatcher(IEnumerable<OperationRecord> operations, string pathPrefix)
    {
        prefix = pathPrefix;
        candidates = operations
            .Where(operation => operation.Documented && operation.PathTemplate.StartsWith('/'))
            .Select(operation => new Candidate(operation.Method.ToUpperInvariant(), new OperationMatch(operation.Key, operation.PathTemplate), [.. Segments(operation.PathTemplate).Select(TemplateSegment.Parse)]))
            .GroupBy(candidate => (candidate.Method, candidate.Segments.Length))
            .ToDictionary(group => group.Key, group => group.OrderBy(candidate => candidate, SpecificityComparer.Instance).ToArray());
    }

    public static OperationMatcher Empty { get; } = new([], string.Empty);

    /// <summary>The path the app's operations sit under, e.g. <c>/api/v3</c>; empty for none.</summary>
    public string PathPrefix => prefix;

    /// <summary>The operation that <paramref name="method"/> on <paramref name="pathAndQuery"/> (raw, as sent to the app) is, or null.</summary>
    public OperationMatch? Match(string method, string pathAndQuery)
    {
        var end = pathAndQuery.IndexOfAny(['?', '#']);
        var path = end < 0 ? pathAndQuery : pathAndQuery[..end];

        // 1.
        if (prefix.Length > 0 && path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] == '/'))
        {
            path = path.Length == prefix.Length ? "/" : path[prefix.Length..];
        }

        // 2.
        var segments = Segments(path).Select(Uri.UnescapeDataString).ToArray();

        // 3.
        var upper = method.ToUpperInvariant();
        return Find(upper, segments) ?? (upper == "HEAD" ? Find("GET", segments) : null);
    }

    private OperationMatch? Find(string method, string[] segments)
    {
        if (!candidates.TryGetValue((method, segments.Length), out var list))
        {
            return null;
        }

        foreach (var candidate in list)
        {
            var matches = true;
            for (var i = 0; i < segments.Length && matches; i++)
            {
                matches = candidate.Segments[i].IsMatch(segments[i]);
            }

            if (matches)
            {
                return candidate.Match;
            }
        }

        return null;
    }

    private static string[] Segments(string path)
    {
        var trimmed = path.Length > 1 && path[^1] == '/' ? path[..^1] : path;
        return trimmed is "/" or "" ? [] : trimmed[1..].Split('/');
    }

    private sealed record Candidate(string Method, OperationMatch Match, TemplateSegment[] Segments);

    private sealed class SpecificityComparer : IComparer<Candidate>
    {
        public static readonly SpecificityComparer Instance = new();

        public int Compare(Candidate? x, Candidate? y)
        {
            for (var i = 0; i < x!.Segments.Length; i++)
            {
                var order = x.Segments[i].Rank.CompareTo(y!.Segments[i].Rank);
                if (order != 0)
                {
                    return order;
                }
            }

            return string.CompareOrdinal(x.Match.PathTemplate, y!.Match.PathTemplate);
        }
    }
}
