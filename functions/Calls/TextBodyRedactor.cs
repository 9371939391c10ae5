using System.Text.RegularExpressions;

namespace Periscope.Functions.Calls;

/// <summary>
/// Redacts a text body that is not JSON by scanning it, conservatively: form-urlencoded fields
/// (<c>password=…</c>, WHATWG URL standard §5.1 "application/x-www-form-urlencoded parsing", names
/// percent-decoded and <c>+</c> read as a space) wherever a <c>name=value</c> pair starts the text or
/// follows <c>&amp;</c>, <c>;</c>, <c>?</c> or white space; and JSON-style <c>"name": value</c> pairs embedded
/// in the text. Only values are replaced, so the text keeps its shape.
/// </summary>
internal static partial class TextBodyRedactor
{
    private const int MatchTimeoutMilliseconds = 1000;

    [GeneratedRegex("(?<=^|[&;?\\s])(?<name>[^&;?=\\s]+)=(?<value>[^&;\\s]*)", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex FormPair();

    [GeneratedRegex("\"(?<name>(?:[^\"\\\\]|\\\\.){1,256})\"(?<separator>\\s*:\\s*)(?<value>\"(?:[^\"\\\\]|\\\\.)*(?:\"|\\z)|[^,}\\]\\s]+)",
        RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex QuotedPair();

    /// <summary>The text with secret values replaced; null when the scan could not finish (the body is then not stored).</summary>
    public static string? Redact(string text, IReadOnlySet<string> fields)
    {
        try
        {
            var pairs = QuotedPair().Replace(text, match =>
                fields.Contains(Unescape(match.Groups["name"].Value))
                    ? $"\"{match.Groups["name"].Value}\"{match.Groups["separator"].Value}\"{CallRedaction.Placeholder}\""
                    : match.Value);
            return FormPair().Replace(pairs, match =>
                fields.Contains(FormDecode(match.Groups["name"].Value))
                    ? match.Groups["name"].Value + "=" + CallRedaction.Placeholder
                    : match.Value);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static string Unescape(string jsonName)
    {
        if (!jsonName.Contains('\\', StringComparison.Ordinal))
        {
            return jsonName;
        }

        try
        {
            // JSON's escapes (RFC 8259 §7) are a subset of the ones Regex.Unescape reads.
            return Regex.Unescape(jsonName);
        }
        catch (ArgumentException)
        {
            return jsonName;
        }
    }

    private static string FormDecode(string name)
    {
        try
        {
            return Uri.UnescapeDataString(name.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return name;
        }
    }
}
