namespace Periscope.JsonSchema.Formats;

/// <summary>
/// <c>email</c>, simply: RFC 5321 §4.1.2's Mailbox without comments or folding whitespace. The local part is a
/// dot-atom (RFC 5322 §3.2.3 atext, no leading, trailing or doubled dot) or a quoted string of printable ASCII;
/// the domain is a host name, <c>[IPv4]</c> or <c>[IPv6:address]</c>. Non-ASCII addresses are <c>idn-email</c>,
/// which is not checked.
/// </summary>
internal static class EmailFormat
{
    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";

    public static bool IsEmail(string text)
    {
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1 || text.Length > 320)
        {
            return false;
        }

        return IsLocalPart(text.AsSpan(0, at)) && IsDomain(text.AsSpan(at + 1));
    }

    private static bool IsLocalPart(ReadOnlySpan<char> local)
    {
        if (local.Length >= 2 && local[0] == '"' && local[^1] == '"')
        {
            var quoted = local[1..^1];
            for (var i = 0; i < quoted.Length; i++)
            {
                var c = quoted[i];
                if (c == '\\' && i + 1 < quoted.Length && quoted[i + 1] is >= ' ' and <= '~')
                {
                    i++;
                }
                else if (c is < ' ' or > '~' or '"' or '\\')
                {
                    return false;
                }
            }

            return true;
        }

        if (local.Length > 64 || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '.' && !AtomSpecials.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        if (domain[0] != '[')
        {
            return HostNames.IsHostName(domain);
        }

        if (domain[^1] != ']')
        {
            return false;
        }

        var literal = domain[1..^1];
        return literal.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase)
            ? IpAddressFormats.IsIPv6(literal[5..])
            : IpAddressFormats.IsIPv4(literal);
    }
}
