namespace Periscope.JsonSchema.Formats;

/// <summary><c>uuid</c>: RFC 4122 §3's string form, 8-4-4-4-12 hex digits in either case, any version (Validation 2020-12 §7.3.5).</summary>
internal static class UuidFormat
{
    public static bool IsUuid(string text)
    {
        if (text.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var valid = i is 8 or 13 or 18 or 23 ? text[i] == '-' : char.IsAsciiHexDigit(text[i]);
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }
}
