namespace Periscope.JsonSchema.Formats;

/// <summary>
/// <c>ipv4</c> as RFC 2673 §3.2's dotted-quad and <c>ipv6</c> as RFC 4291 §2.2's text forms (Validation 2020-12
/// §7.3.4). Leading zeros in an IPv4 part are refused (they read as octal elsewhere), and so are zone ids.
/// </summary>
internal static class IpAddressFormats
{
    public static bool IsIPv4(ReadOnlySpan<char> text)
    {
        var parts = 0;
        foreach (var range in text.Split('.'))
        {
            var part = text[range];
            if (++parts > 4 || part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            var value = 0;
            foreach (var c in part)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            if (value > 255)
            {
                return false;
            }
        }

        return parts == 4;
    }

    public static bool IsIPv6(ReadOnlySpan<char> text)
    {
        if (text.Length is 0 or > 45)
        {
            return false;
        }

        var gap = text.IndexOf("::");
        var groups = 0;
        if (gap < 0)
        {
            return CountGroups(text, ipv4Last: true, ref groups) && groups == 8;
        }

        var left = text[..gap];
        var right = text[(gap + 2)..];
        if (right.Contains("::", StringComparison.Ordinal))
        {
            return false;
        }

        return (left.IsEmpty || CountGroups(left, ipv4Last: false, ref groups))
            && (right.IsEmpty || CountGroups(right, ipv4Last: true, ref groups))
            && groups <= 7;
    }

    // Groups of one to four hex digits between colons; the last may be an IPv4 address worth two groups.
    private static bool CountGroups(ReadOnlySpan<char> text, bool ipv4Last, ref int groups)
    {
        foreach (var range in text.Split(':'))
        {
            var group = text[range];
            if (ipv4Last && range.End.GetOffset(text.Length) == text.Length && group.Contains('.'))
            {
                if (!IsIPv4(group))
                {
                    return false;
                }

                groups += 2;
                continue;
            }

            if (group.Length is 0 or > 4)
            {
                return false;
            }

            foreach (var c in group)
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    return false;
                }
            }

            groups++;
        }

        return true;
    }
}
