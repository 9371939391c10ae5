using System.Text;
using System.Text.RegularExpressions;

namespace Periscope.Functions.Invoke;

/// <summary>
/// One segment of an OpenAPI path template: literal text (<c>orders</c>), one whole variable (<c>{id}</c>), or
/// literal text around variables (<c>{name}.{ext}</c>, OpenAPI 3.1 §4.8.9.1 allows it). <see cref="Rank"/> orders
/// them for matching: concrete before templated, as OpenAPI 3.1 §4.8.9.1 and ASP.NET Core routing do.
/// </summary>
internal sealed class TemplateSegment
{
    private readonly string? literal;
    private readonly Regex? pattern;

    private TemplateSegment(string? literal, Regex? pattern, int rank)
    {
        this.literal = literal;
        this.pattern = pattern;
        Rank = rank;
    }

    /// <summary>0 literal, 1 literal with variables, 2 a whole variable.</summary>
    public int Rank { get; }

    public static TemplateSegment Parse(string segment)
    {
        if (segment is ['{', .., '}'] && segment.AsSpan(1, segment.Length - 2).IndexOfAny('{', '}') < 0)
        {
            return new TemplateSegment(null, null, 2);
        }

        var regex = new StringBuilder("^");
        var variables = 0;
        var position = 0;
        while (position < segment.Length)
        {
            var open = segment.IndexOf('{', position);
            var close = open < 0 ? -1 : segment.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                regex.Append(Regex.Escape(Uri.UnescapeDataString(segment[position..])));
                break;
            }

            regex.Append(Regex.Escape(Uri.UnescapeDataString(segment[position..open]))).Append("(.+?)");
            variables++;
            position = close + 1;
        }

        return variables == 0
            ? new TemplateSegment(Uri.UnescapeDataString(segment), null, 0)
            : new TemplateSegment(null, new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(50)), 1);
    }

    /// <summary>Whether a request's percent-decoded segment matches.</summary>
    public bool IsMatch(string decoded)
    {
        if (literal is not null)
        {
            return string.Equals(literal, decoded, StringComparison.Ordinal);
        }

        if (pattern is null)
        {
            // A variable takes a value: an empty segment is not one.
            return decoded.Length > 0;
        }

        try
        {
            return pattern.IsMatch(decoded);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
