namespace Periscope.Functions.Invoke;

/// <summary>
/// Refuses request paths that could make the sidecar call something other than the app's own path: the
/// gateway forwards to <c>/v1.0/invoke/{app}.{ns}/method/{path}</c>, and a path that climbs (<c>..</c>) or that
/// some hop decodes into more segments could reach Dapr's other APIs (<c>/v1.0/state</c>, <c>/v1.0/secrets</c>)
/// or another app. Everything ambiguous is refused rather than normalised: a caller with a legitimate path
/// never needs any of it.
/// </summary>
/// <remarks>
/// Refused, in the raw (still escaped) path:
/// 1. anything but visible ASCII (control characters, spaces, non-ASCII: RFC 3986 §2 has them
///    percent-encoded), and <c>\</c> (some servers treat it as <c>/</c>) and <c>#</c> (a fragment never
///    travels: RFC 9110 §7.1);
/// 2. <c>://</c> (a scheme: an absolute URL smuggled into the path) and empty segments (<c>//</c>, the
///    network-path form of RFC 3986 §4.2, which some hops read as an authority);
/// 3. malformed percent-encoding, and the encoded forms of <c>/</c>, <c>\</c> and control characters
///    (<c>%2F</c>, <c>%5C</c>, <c>%00</c>–<c>%1F</c>, <c>%7F</c>), once or twice encoded (<c>%252F</c>), since
///    a hop that decodes them changes the segments;
/// 4. <c>.</c> and <c>..</c> segments, plain or percent-encoded (<c>%2E</c>, RFC 3986 §6.2.2.2 makes them
///    equal), and twice-encoded dots (<c>%252E</c>).
/// </remarks>
internal static class InvokePathGuard
{
    /// <summary>Null when <paramref name="rawPath"/> (starting with '/', no query) is safe to forward, else why not.</summary>
    public static string? Check(string rawPath)
    {
        // 1.
        foreach (var c in rawPath)
        {
            if (c is < '!' or > '~')
            {
                return "the path holds a control, space or non-ASCII character; percent-encode data (RFC 3986 §2.1)";
            }

            if (c == '\\')
            {
                return "the path holds a backslash, which some servers read as '/'";
            }

            if (c == '#')
            {
                return "the path holds '#': a fragment is never sent to a server";
            }
        }

        // 2.
        if (rawPath.Contains("://", StringComparison.Ordinal))
        {
            return "the path holds '://': an absolute URL cannot be invoked, only a path on the app";
        }

        if (rawPath.Contains("//", StringComparison.Ordinal))
        {
            return "the path holds an empty segment ('//'), which some servers read as a host name";
        }

        // 3. and 4.
        var start = 1;
        while (start <= rawPath.Length)
        {
            var end = rawPath.IndexOf('/', start);
            end = end < 0 ? rawPath.Length : end;
            if (CheckSegment(rawPath.AsSpan(start, end - start)) is { } problem)
            {
                return problem;
            }

            start = end + 1;
        }

        return null;
    }

    private static string? CheckSegment(ReadOnlySpan<char> segment)
    {
        var length = 0;
        var dotsOnly = true;
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (c == '%')
            {
                if (i + 2 >= segment.Length || !TryHex(segment[i + 1], segment[i + 2], out var value))
                {
                    return "the path holds a '%' that does not start a percent-encoded byte (RFC 3986 §2.1)";
                }

                if (EncodedProblem(value, segment[(i + 3)..]) is { } problem)
                {
                    return problem;
                }

                c = (char)value;
                i += 2;
            }

            dotsOnly &= c == '.';
            length++;
        }

        return dotsOnly && length is 1 or 2
            ? "the path holds a '.' or '..' segment (plain or %2E-encoded), which would climb out of the app's path"
            : null;
    }

    private static string? EncodedProblem(int value, ReadOnlySpan<char> after)
    {
        if (value is '/' or '\\')
        {
            return "the path holds an encoded slash or backslash (%2F, %5C), which a hop that decodes it turns into a new segment";
        }

        if (value is < 0x20 or 0x7f)
        {
            return "the path holds an encoded control character";
        }

        // %25 is '%': "%252F" decodes once to "%2F" and twice to "/".
        if (value == '%' && after.Length >= 2 && TryHex(after[0], after[1], out var inner) && inner is '/' or '\\' or '.' or < 0x20 or 0x7f)
        {
            return "the path holds a twice-encoded slash, backslash, dot or control character (%252F, %255C, %252E)";
        }

        return null;
    }

    private static bool TryHex(char high, char low, out int value)
    {
        int h = HexValue(high), l = HexValue(low);
        value = (h << 4) | l;
        return h >= 0 && l >= 0;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
