using System.Buffers;

namespace Periscope.JsonSchema.Formats;

/// <summary>
/// <c>uri</c>: an absolute URI by RFC 3986 §3's grammar (Validation 2020-12 §7.3.5) — a scheme, then only
/// characters the RFC allows where they stand, well-formed percent-escapes, and for an authority a numeric
/// port and a bracketed IP literal. Stricter than <see cref="Uri.TryCreate(string, UriKind, out Uri)"/>, which
/// accepts Windows paths and spaces.
/// </summary>
internal static class AbsoluteUriFormat
{
    private const string SubDelimiters = "!$&'()*+,;=";

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static bool IsUri(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text.AsSpan(1, colon - 1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        var rest = text.AsSpan(colon + 1);
        var fragment = rest.IndexOf('#');
        if (fragment >= 0)
        {
            if (!IsPart(rest[(fragment + 1)..], "/?:@"))
            {
                return false;
            }

            rest = rest[..fragment];
        }

        var query = rest.IndexOf('?');
        if (query >= 0)
        {
            if (!IsPart(rest[(query + 1)..], "/?:@"))
            {
                return false;
            }

            rest = rest[..query];
        }

        if (rest.StartsWith("//"))
        {
            rest = rest[2..];
            var pathStart = rest.IndexOf('/');
            var authority = pathStart < 0 ? rest : rest[..pathStart];
            if (!IsAuthority(authority))
            {
                return false;
            }

            rest = pathStart < 0 ? [] : rest[pathStart..];
        }

        return IsPart(rest, "/:@");
    }

    private static bool IsAuthority(ReadOnlySpan<char> authority)
    {
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            if (!IsPart(authority[..at], ":"))
            {
                return false;
            }

            authority = authority[(at + 1)..];
        }

        ReadOnlySpan<char> port = [];
        if (authority.StartsWith("["))
        {
            var close = authority.IndexOf(']');
            if (close < 0 || !IpAddressFormats.IsIPv6(authority[1..close]) && !IsIPvFuture(authority[1..close]))
            {
                return false;
            }

            port = authority[(close + 1)..];
            if (!port.IsEmpty && port[0] != ':')
            {
                return false;
            }
        }
        else
        {
            var colon = authority.IndexOf(':');
            if (colon >= 0)
            {
                port = authority[colon..];
                authority = authority[..colon];
            }

            if (!IsPart(authority, string.Empty))
            {
                return false;
            }
        }

        foreach (var c in port.IsEmpty ? port : port[1..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    // RFC 3986 §3.2.2: "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" ).
    private static bool IsIPvFuture(ReadOnlySpan<char> literal)
    {
        var dot = literal.IndexOf('.');
        return literal.Length > 3 && literal[0] is 'v' or 'V' && dot > 1 && dot < literal.Length - 1
            && !literal[1..dot].ContainsAnyExcept(HexDigits)
            && IsPart(literal[(dot + 1)..], ":") && !literal[(dot + 1)..].Contains('%');
    }

    // Unreserved characters, sub-delimiters, percent-escapes, and the listed extra characters (RFC 3986 §2, §3.3–3.5).
    private static bool IsPart(ReadOnlySpan<char> text, string extra)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_' or '~')
                && !SubDelimiters.Contains(c, StringComparison.Ordinal) && !extra.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
