using System.Globalization;
using System.Text.RegularExpressions;

namespace Periscope.Functions.Calls;

/// <summary>
/// RFC 3339 §5.6 <c>date-time</c>: a full date, <c>T</c>, a time with optional fraction, and <c>Z</c> or a
/// numeric offset — the offset is required, so no time is read in the server's zone. Lower-case <c>t</c>
/// and <c>z</c> are allowed (§5.6, note on case). In a query string an unencoded <c>+</c> arrives as a
/// space (WHATWG URL §5.1), so a space where the offset's sign belongs is read as <c>+</c>.
/// </summary>
internal static partial class Rfc3339
{
    [GeneratedRegex("^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,7})?([Zz]|[+-]\\d{2}:\\d{2})\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateTime();

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is { Length: > 6 } && text[^6] == ' ')
        {
            text = string.Concat(text.AsSpan(0, text.Length - 6), "+", text.AsSpan(text.Length - 5));
        }

        return text is not null
            && DateTime().IsMatch(text)
            && DateTimeOffset.TryParse(text.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }
}
