using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Periscope.Functions.Alerts;

namespace Periscope.Functions.Notifications;

/// <summary>Whether a channel's <see cref="ChannelRoute"/> admits an alert.</summary>
internal static class ChannelRouter
{
    private static readonly ConcurrentDictionary<string, Regex?> Compiled = new(StringComparer.Ordinal);

    public static bool Admits(ChannelRoute route, AlertNotice alert)
    {
        if (route.Severities.Count > 0
            && !route.Severities.Contains(Label(alert, "severity"), StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (route.Namespaces.Count > 0
            && !route.Namespaces.Contains(alert.Labels.GetValueOrDefault("namespace") ?? alert.Enrichment.Namespace ?? "", StringComparer.Ordinal))
        {
            return false;
        }

        foreach (var (label, pattern) in route.Matchers)
        {
            if (TryCompile(pattern) is not { } regex || !regex.IsMatch(Label(alert, label)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The pattern anchored at both ends, as Alertmanager anchors <c>=~</c> matchers; null when it does not
    /// compile. NonBacktracking keeps a hostile pattern from taking exponential time (learn.microsoft.com,
    /// "Backtracking in .NET regular expressions").
    /// </summary>
    public static Regex? TryCompile(string pattern) => Compiled.GetOrAdd(pattern, static text =>
    {
        try
        {
            return new Regex($"^(?:{text})$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    private static string Label(AlertNotice alert, string name) => alert.Labels.GetValueOrDefault(name) ?? "";
}
