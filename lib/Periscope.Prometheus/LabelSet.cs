using System.Globalization;
using System.Text;

namespace Periscope.Prometheus;

/// <summary>
/// The tags of one series as recorded, and their rendering as Prometheus labels (made once, when the
/// series is first seen, so a scrape only copies strings).
/// </summary>
internal sealed class LabelSet
{
    private LabelSet(KeyValuePair<string, object?>[] tags, int hash, string rendered)
    {
        Tags = tags;
        Hash = hash;
        Rendered = rendered;
    }

    public KeyValuePair<string, object?>[] Tags { get; }

    public int Hash { get; }

    /// <summary><c>a="x",b="y"</c>, sorted by label name, without braces; empty for no labels.</summary>
    public string Rendered { get; }

    public static LabelSet Create(ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        new(tags.ToArray(), ComputeHash(tags), Render(tags));

    /// <summary>A hash that ignores tag order: the same tags passed in another order are the same series.</summary>
    public static int ComputeHash(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = tags.Length;
        foreach (var tag in tags)
        {
            hash = unchecked(hash + HashCode.Combine(StringComparer.Ordinal.GetHashCode(tag.Key), tag.Value));
        }

        return hash;
    }

    public static bool SameTags(ReadOnlySpan<KeyValuePair<string, object?>> tags, KeyValuePair<string, object?>[] other)
    {
        if (tags.Length != other.Length)
        {
            return false;
        }

        foreach (var tag in tags)
        {
            var found = false;
            foreach (var candidate in other)
            {
                if (string.Equals(tag.Key, candidate.Key, StringComparison.Ordinal) && Equals(tag.Value, candidate.Value))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    public static string FormatValue(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Render(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return string.Empty;
        }

        var labels = new List<KeyValuePair<string, string>>(tags.Length);
        foreach (var tag in tags)
        {
            var name = PrometheusNaming.SanitizeLabelName(tag.Key);
            var value = FormatValue(tag.Value);

            // An empty label value means "no such label" to Prometheus; two tags that sanitise to one
            // name would make an invalid sample, so the first keeps the name.
            if (value.Length == 0 || labels.Exists(l => string.Equals(l.Key, name, StringComparison.Ordinal)))
            {
                continue;
            }

            labels.Add(new(name, value));
        }

        labels.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var builder = new StringBuilder();
        foreach (var (name, value) in labels)
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(name).Append("=\"");
            PrometheusTextWriter.AppendEscapedLabelValue(builder, value);
            builder.Append('"');
        }

        return builder.ToString();
    }
}
