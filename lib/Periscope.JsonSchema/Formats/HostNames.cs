namespace Periscope.JsonSchema.Formats;

/// <summary>DNS host names as RFC 1123 §2.1 allows them: dot-separated labels of letters, digits and inner hyphens.</summary>
internal static class HostNames
{
    public static bool IsHostName(ReadOnlySpan<char> text)
    {
        if (text.Length is 0 or > 253)
        {
            return false;
        }

        foreach (var range in text.Split('.'))
        {
            var label = text[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }
}
