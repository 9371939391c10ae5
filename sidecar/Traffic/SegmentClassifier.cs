namespace Periscope.Sidecar.Traffic;

/// <summary>
/// Decides whether a path segment is a word (part of the route) or a value (a parameter), looking only
/// at its characters. The rules follow what APM agents do when no route is known: Datadog's endpoint
/// inference (dd-trace-cpp src/datadog/endpoint_inferral.cpp: <c>{param:int}</c>, <c>{param:hex}</c>
/// for six or more hex digits with a digit, <c>{param:str}</c> for 20+ characters or special ones),
/// Datadog's quantization of GUIDs and numeric ids (docs.datadoghq.com/tracing/troubleshooting/quantization),
/// Grafana Beyla's heuristic route decorator (grafana.com/docs/beyla, "routes decorator": unmatched
/// paths are clustered by replacing id-like segments), and OpenTelemetry's rule that a route "MUST be
/// low-cardinality" (semantic conventions, <c>http.route</c>). It errs toward words for short
/// segments with letters, since <c>v2</c> or <c>user-profile</c> are route parts far more often than ids.
/// </summary>
internal static class SegmentClassifier
{
    /// <summary>A letters-and-digits segment at least this long is a token (an API key, an encoded id), not a word.</summary>
    public const int TokenLength = 16;

    /// <summary>Alphanumeric segments at least this long with many capitals are random (base64) even without digits.</summary>
    public const int CasedTokenLength = 20;

    public const int HexLength = 8;

    /// <summary>Classifies a percent-decoded, non-empty segment.</summary>
    public static SegmentKind Classify(ReadOnlySpan<char> segment, int maxLength)
    {
        if (segment.Length > maxLength)
        {
            return SegmentKind.Value;
        }

        int digits = 0, upper = 0, lower = 0;
        bool hex = true, numeric = true, token = true, word = true, alphanumeric = true;
        foreach (var c in segment)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
                continue;
            }

            upper += char.IsAsciiLetterUpper(c) ? 1 : 0;
            lower += char.IsAsciiLetterLower(c) ? 1 : 0;
            hex &= char.IsAsciiHexDigit(c);
            numeric &= c is '.' or '-' or '_' or ':' or ',';
            alphanumeric &= char.IsAsciiLetter(c);
            token &= char.IsAsciiLetter(c) || c is '-' or '_' or '.' or '~' or '=' or '+';
            word &= char.IsLetter(c) || c is '-' or '_' or '.' or '~';
        }

        if (digits == segment.Length)
        {
            return SegmentKind.Id;
        }

        if (IsUuid(segment))
        {
            return SegmentKind.Uuid;
        }

        if (IsDate(segment))
        {
            return SegmentKind.Date;
        }

        if (numeric && digits > 0)
        {
            return SegmentKind.Id;
        }

        if (hex && digits > 0 && segment.Length >= HexLength)
        {
            return SegmentKind.Hex;
        }

        if (IsEmail(segment))
        {
            return SegmentKind.Email;
        }

        var letters = upper + lower;
        if (token && digits > 0 && letters > 0 && segment.Length >= TokenLength)
        {
            return SegmentKind.Token;
        }

        // camelCaseWords have a capital every few letters; random base64 has one in two.
        if (alphanumeric && segment.Length >= CasedTokenLength && lower > 0 && upper * 3 >= letters)
        {
            return SegmentKind.Token;
        }

        return word ? SegmentKind.Word : SegmentKind.Value;
    }

    /// <summary>RFC 9562 §4: 8-4-4-4-12 hex digits.</summary>
    private static bool IsUuid(ReadOnlySpan<char> s)
    {
        if (s.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var ok = i is 8 or 13 or 18 or 23 ? s[i] == '-' : char.IsAsciiHexDigit(s[i]);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>RFC 3339 §5.6 full-date, alone or followed by a time (<c>T</c>, <c>t</c> or a space).</summary>
    private static bool IsDate(ReadOnlySpan<char> s) =>
        s.Length >= 10
        && IsDigits(s[..4]) && s[4] == '-' && IsDigits(s[5..7]) && s[7] == '-' && IsDigits(s[8..10])
        && (s.Length == 10 || s[10] is 'T' or 't' or ' ');

    private static bool IsDigits(ReadOnlySpan<char> s) => !s.ContainsAnyExceptInRange('0', '9');

    /// <summary>local@domain.tld: one @ after something, and a dot inside what follows it.</summary>
    private static bool IsEmail(ReadOnlySpan<char> s)
    {
        var at = s.IndexOf('@');
        if (at <= 0 || s.LastIndexOf('@') != at)
        {
            return false;
        }

        var domain = s[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1 && !s.ContainsAny(" \t/");
    }
}
