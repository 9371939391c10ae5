namespace Periscope.Sidecar.Traffic;

/// <summary>
/// A path segment template with literal text around its variables, e.g. <c>{name}.{ext}</c> or
/// <c>report.{format}</c> (OpenAPI 3.1 §4.8.9.1 allows templates within a segment). Each variable takes
/// one or more characters, so matching is glob matching with <c>?*</c> per variable, done by the
/// classic single-backtrack algorithm: linear in practice, O(text × pattern) at worst, no regex.
/// </summary>
internal sealed class SegmentPattern
{
    private const int AnyOne = -1;
    private const int AnyRun = -2;

    /// <summary>A char code for literal text, or <see cref="AnyOne"/>/<see cref="AnyRun"/>.</summary>
    private readonly int[] tokens;

    private SegmentPattern(int[] tokens, string shape, int literalLength, int variables)
    {
        this.tokens = tokens;
        Shape = shape;
        LiteralLength = literalLength;
        Variables = variables;
    }

    /// <summary>The template with variable names removed (<c>{}.{}</c>): two templates of one shape match the same segments.</summary>
    public string Shape { get; }

    /// <summary>Characters of literal text: more is more specific.</summary>
    public int LiteralLength { get; }

    public int Variables { get; }

    /// <summary>True for a segment that is one whole variable, <c>{id}</c>.</summary>
    public static bool IsWholeVariable(string segment) =>
        segment is ['{', .., '}'] && segment.AsSpan(1, segment.Length - 2).IndexOfAny('{', '}') < 0;

    /// <summary>The pattern of a template segment, or null when it has no well-formed <c>{variable}</c> (it is then literal).</summary>
    public static SegmentPattern? TryParse(string segment)
    {
        var tokens = new List<int>(segment.Length);
        var shape = new System.Text.StringBuilder(segment.Length);
        int literalLength = 0, variables = 0, position = 0;
        while (position < segment.Length)
        {
            var open = segment.IndexOf('{', position);
            var literalEnd = open < 0 ? segment.Length : open;
            if (literalEnd > position)
            {
                // Literal text is compared with the request's percent-decoded segment, so decode it too.
                var literal = Uri.UnescapeDataString(segment[position..literalEnd]);
                if (literal.AsSpan().IndexOfAny('{', '}') >= 0)
                {
                    return null;
                }

                foreach (var c in literal)
                {
                    tokens.Add(c);
                }

                shape.Append(literal);
                literalLength += literal.Length;
            }

            if (open < 0)
            {
                break;
            }

            var close = segment.IndexOf('}', open + 1);
            if (close < 0 || segment.AsSpan(open + 1, close - open - 1).Contains('{'))
            {
                return null;
            }

            tokens.Add(AnyOne);
            tokens.Add(AnyRun);
            shape.Append("{}");
            variables++;
            position = close + 1;
        }

        return variables == 0 ? null : new SegmentPattern([.. tokens], shape.ToString(), literalLength, variables);
    }

    public bool IsMatch(ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, runAt = -1, runText = 0;
        while (t < text.Length)
        {
            if (p < tokens.Length && (tokens[p] == AnyOne || tokens[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < tokens.Length && tokens[p] == AnyRun)
            {
                runAt = p++;
                runText = t;
            }
            else if (runAt >= 0)
            {
                // Let the last run take one more character and try the rest again.
                p = runAt + 1;
                t = ++runText;
            }
            else
            {
                return false;
            }
        }

        while (p < tokens.Length && tokens[p] == AnyRun)
        {
            p++;
        }

        return p == tokens.Length;
    }
}
