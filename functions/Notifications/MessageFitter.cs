using System.Text;

namespace Periscope.Functions.Notifications;

/// <summary>
/// Fits a message into a robot's size limit: lists as many alerts as allowed, halves the list until the rendered
/// message fits (the rest are counted, "and 990 more"), and as a last resort cuts the text at a UTF-8 character
/// boundary.
/// </summary>
internal static class MessageFitter
{
    public static string Fit(Func<int, string> render, int total, int maxListed, int maxBytes)
    {
        var listed = Math.Min(total, maxListed);
        while (true)
        {
            var text = render(listed);
            if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
            {
                return text;
            }

            if (listed <= 1)
            {
                return Truncate(text, maxBytes);
            }

            listed /= 2;
        }
    }

    /// <summary>At most <paramref name="maxBytes"/> UTF-8 bytes of <paramref name="text"/>, never half a character.</summary>
    public static string Truncate(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        const char Ellipsis = '…';
        var budget = maxBytes - Encoding.UTF8.GetByteCount([Ellipsis]);
        var builder = new StringBuilder();
        var used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            used += rune.Utf8SequenceLength;
            if (used > budget)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.Append(Ellipsis).ToString();
    }
}
