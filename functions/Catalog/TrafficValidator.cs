using System.Text.RegularExpressions;
using Periscope.Catalog.Contracts;

namespace Periscope.Functions.Catalog;

/// <summary>
/// Checks a report's traffic summary: its identity (instance, sequence, period) and each operation's
/// counts. Every problem found is listed by field (<c>traffic.operations[3].method</c>), up to
/// <see cref="MaxListedOperations"/> operations, so one bad summary cannot make a huge answer.
/// </summary>
internal static partial class TrafficValidator
{
    /// <summary>Operations one summary may hold; a sidecar bounds its inferred ones well below this.</summary>
    public const int MaxOperations = 1000;

    public const int MaxPathTemplateLength = 2048;

    private const int MaxListedOperations = 20;

    private static readonly string[] StatusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx"];

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Instance();

    // A token (RFC 9110 §5.6.2) without lower-case letters: methods are case-sensitive and the registered
    // ones upper-case (§9.1); the sidecar reports methods it does not know as OTHER, so the set stays small.
    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Z-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Method();

    public static void Validate(TrafficSummary traffic, Dictionary<string, string[]> errors)
    {
        ReportValidator.Add(errors, "traffic.instance", traffic.Instance is not null && Instance().IsMatch(traffic.Instance)
            ? null : "'traffic.instance' must be 1 to 64 letters, digits or '-'.");
        ReportValidator.Add(errors, "traffic.sequence", traffic.Sequence >= 1 ? null : "'traffic.sequence' must be 1 or more.");
        ReportValidator.Add(errors, "traffic.from", traffic.From is null ? "'traffic.from' is required (RFC 3339 start of the period)." : null);
        ReportValidator.Add(errors, "traffic.to", traffic.To is null ? "'traffic.to' is required (RFC 3339 end of the period)."
            : traffic.From > traffic.To ? "'traffic.to' must not be before 'traffic.from'." : null);
        ReportValidator.Add(errors, "traffic.unattributedRequests", traffic.UnattributedRequests >= 0 ? null : "'traffic.unattributedRequests' must not be negative.");

        var operations = traffic.Operations ?? [];
        if (operations.Count > MaxOperations)
        {
            ReportValidator.Add(errors, "traffic.operations", $"'traffic.operations' may hold at most {MaxOperations} operations; got {operations.Count}.");
            return;
        }

        var invalid = 0;
        for (var i = 0; i < operations.Count; i++)
        {
            var before = errors.Count;
            ValidateOperation(operations[i], $"traffic.operations[{i}]", errors);
            if (errors.Count > before && ++invalid == MaxListedOperations && i < operations.Count - 1)
            {
                ReportValidator.Add(errors, "traffic.operations", $"Only the first {MaxListedOperations} invalid operations are listed.");
                return;
            }
        }
    }

    private static void ValidateOperation(OperationTraffic? operation, string field, Dictionary<string, string[]> errors)
    {
        if (operation is null)
        {
            ReportValidator.Add(errors, field, $"'{field}' must be an object.");
            return;
        }

        ReportValidator.Add(errors, $"{field}.method", operation.Method is not null && Method().IsMatch(operation.Method)
            ? null : $"'{field}.method' must be an upper-case HTTP method token such as GET, or OTHER.");
        ReportValidator.Add(errors, $"{field}.pathTemplate", CheckPathTemplate(field, operation.PathTemplate));
        ReportValidator.Add(errors, $"{field}.requests", CheckRequests(field, operation.Requests));
        ReportValidator.Add(errors, $"{field}.errors", operation.Errors >= 0 ? null : $"'{field}.errors' must not be negative.");
        ReportValidator.Add(errors, $"{field}.requestBytes", operation.RequestBytes >= 0 ? null : $"'{field}.requestBytes' must not be negative.");
        ReportValidator.Add(errors, $"{field}.responseBytes", operation.ResponseBytes >= 0 ? null : $"'{field}.responseBytes' must not be negative.");
        ReportValidator.Add(errors, $"{field}.latency", CheckLatency(field, operation.Latency));
    }

    private static string? CheckPathTemplate(string field, string? path) =>
        path is { Length: > 0 and <= MaxPathTemplateLength } && path[0] == '/' && !path.Any(char.IsControl)
            ? null
            : $"'{field}.pathTemplate' must start with '/', hold no control characters and be at most {MaxPathTemplateLength} characters.";

    private static string? CheckRequests(string field, IReadOnlyDictionary<string, long>? requests) =>
        requests is null || requests.All(entry => StatusClasses.Contains(entry.Key) && entry.Value >= 0)
            ? null
            : $"'{field}.requests' may only count requests (0 or more) by status class 1xx, 2xx, 3xx, 4xx and 5xx.";

    private static string? CheckLatency(string field, LatencyHistogram? latency)
    {
        var bounds = LatencyHistogram.StandardBoundsSeconds;
        if (latency?.BoundsSeconds is null || !latency.BoundsSeconds.SequenceEqual(bounds))
        {
            return $"'{field}.latency.boundsSeconds' must be the standard bounds [{string.Join(", ", bounds)}].";
        }

        if (latency.Counts is null || latency.Counts.Count != bounds.Count + 1 || latency.Counts.Any(count => count < 0))
        {
            return $"'{field}.latency.counts' must hold {bounds.Count + 1} counts (0 or more): one per bound, then one for slower than the last.";
        }

        return double.IsFinite(latency.SumSeconds) && latency.SumSeconds >= 0 ? null : $"'{field}.latency.sumSeconds' must be 0 or more.";
    }
}
