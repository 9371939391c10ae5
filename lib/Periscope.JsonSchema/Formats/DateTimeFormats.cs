namespace Periscope.JsonSchema.Formats;

/// <summary>
/// <c>date-time</c>, <c>date</c> and <c>time</c> as RFC 3339 §5.6 writes them (Validation 2020-12 §7.3.1):
/// ASCII digits only, "T" and "Z" in either case, a time always with its offset, and a leap second only
/// where it falls on 23:59:60 UTC (RFC 3339 §5.7).
/// </summary>
internal static class DateTimeFormats
{
    public static bool IsDateTime(string text) =>
        text.Length > 11 && IsDate(text.AsSpan(0, 10)) && text[10] is 'T' or 't' && IsTime(text.AsSpan(11));

    public static bool IsDate(ReadOnlySpan<char> text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day))
        {
            return false;
        }

        return month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth(year, month);
    }

    public static bool IsTime(ReadOnlySpan<char> text)
    {
        if (text.Length < 9 || text[2] != ':' || text[5] != ':'
            || !TryDigits(text[..2], out var hour) || !TryDigits(text.Slice(3, 2), out var minute) || !TryDigits(text.Slice(6, 2), out var second)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var rest = text[8..];
        if (rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 1)
            {
                return false;
            }

            rest = rest[digits..];
        }

        int offsetMinutes;
        if (rest is ['Z' or 'z'])
        {
            offsetMinutes = 0;
        }
        else if (rest.Length == 6 && rest[0] is '+' or '-' && rest[3] == ':'
            && TryDigits(rest.Slice(1, 2), out var offsetHour) && TryDigits(rest.Slice(4, 2), out var offsetMinute)
            && offsetHour <= 23 && offsetMinute <= 59)
        {
            offsetMinutes = (rest[0] == '-' ? -1 : 1) * ((offsetHour * 60) + offsetMinute);
        }
        else
        {
            return false;
        }

        if (second < 60)
        {
            return true;
        }

        var utcMinutes = ((((hour * 60) + minute - offsetMinutes) % 1440) + 1440) % 1440;
        return utcMinutes == (23 * 60) + 59;
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
