using System.Globalization;
using System.Text;

namespace Periscope.Functions.Monitoring;

/// <summary>
/// PromQL literals. A label value only ever reaches a query through <see cref="String"/> or
/// <see cref="RegexLiteral"/>, so whatever a caller sends stays inside one string literal and cannot end the
/// matcher, the selector or the query.
/// </summary>
/// <remarks>
/// PromQL's double-quoted strings take Go's escapes (prometheus.io/docs/prometheus/latest/querying/basics/,
/// "String literals"; promql/parser/lex.go <c>lexEscape</c>): a backslash and the quote must be escaped, and a raw
/// newline ends the lexer with "unterminated quoted string", so control characters are written as <c>\u00XX</c>.
/// Regex matchers are RE2, fully anchored ("Time series selectors"): <see cref="RegexLiteral"/> quotes the
/// metacharacters Go's <c>regexp.QuoteMeta</c> quotes, then writes that as a string literal.
/// </remarks>
internal static class PromQl
{
    private const string RegexMetacharacters = @"\.+*?()|[]{}^$";

    /// <summary>A double-quoted PromQL string literal whose value is exactly <paramref name="value"/>.</summary>
    public static string String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => text.Append(@"\\"),
                '"' => text.Append("\\\""),
                '\n' => text.Append(@"\n"),
                '\r' => text.Append(@"\r"),
                '\t' => text.Append(@"\t"),
                _ when char.IsControl(c) => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    /// <summary>An RE2 pattern matching exactly <paramref name="value"/>, as a string literal for <c>=~</c> or <c>!~</c>.</summary>
    public static string RegexLiteral(string value) => String(QuoteMeta(value));

    /// <summary>Go's <c>regexp.QuoteMeta</c>: a backslash before each RE2 metacharacter.</summary>
    public static string QuoteMeta(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (RegexMetacharacters.Contains(c, StringComparison.Ordinal))
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }

    /// <summary>A label name per the data model: <c>[a-zA-Z_][a-zA-Z0-9_]*</c> (prometheus.io/docs/concepts/data_model/).</summary>
    public static bool IsLabelName(string? name) =>
        name is { Length: > 0 }
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>A duration as PromQL writes one, in whole milliseconds: <c>300000ms</c> is <c>5m</c>.</summary>
    public static string Duration(TimeSpan duration) =>
        ((long)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    /// <summary>A number as PromQL and the HTTP API read one (invariant culture, round-trippable).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A time as the HTTP API's <c>time</c>, <c>start</c>, <c>end</c> take it: unix seconds with milliseconds.</summary>
    public static string UnixSeconds(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
}
