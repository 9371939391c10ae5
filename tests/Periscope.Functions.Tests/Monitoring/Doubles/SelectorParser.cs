using System.Globalization;
using System.Text;

namespace Periscope.Functions.Tests.Monitoring.Doubles;

/// <summary>
/// Reads the label matchers of a selector back the way PromQL's lexer does (promql/parser/lex.go: identifiers,
/// the four match operators, double-quoted strings with Go escapes), independently of the code under test, so
/// a test sees what Prometheus would: how many matchers there are and what each value is after unquoting.
/// </summary>
internal static class SelectorParser
{
    public static List<(string Name, string Op, string Value)> Matchers(string selector)
    {
        var matchers = MatchersAt(selector, selector.IndexOf('{', StringComparison.Ordinal), out var end);
        Assert.Equal(selector.Length - 1, end);
        return matchers;
    }

    /// <summary>The matchers of the braces opening at <paramref name="open"/>; <paramref name="end"/> is the closing brace.</summary>
    public static List<(string Name, string Op, string Value)> MatchersAt(string selector, int open, out int end)
    {
        var i = open + 1;
        var matchers = new List<(string, string, string)>();
        while (true)
        {
            SkipSpaces(selector, ref i);
            if (selector[i] == '}')
            {
                end = i;
                return matchers;
            }

            var start = i;
            while (char.IsAsciiLetterOrDigit(selector[i]) || selector[i] == '_')
            {
                i++;
            }

            var name = selector[start..i];
            var op = selector[i..(i + 2)] is "!=" or "=~" or "!~" ? selector[i..(i + 2)] : selector[i..(i + 1)];
            Assert.Contains(op, new[] { "=", "!=", "=~", "!~" });
            i += op.Length;
            matchers.Add((name, op, ReadString(selector, ref i)));
            SkipSpaces(selector, ref i);
            if (selector[i] == ',')
            {
                i++;
            }
        }
    }

    /// <summary>Go's strconv.Unquote for a double-quoted literal, as PromQL uses it; a raw newline is an error there, so here.</summary>
    public static string ReadString(string text, ref int i)
    {
        Assert.Equal('"', text[i++]);
        var value = new StringBuilder();
        while (text[i] != '"')
        {
            var c = text[i++];
            Assert.False(c == '\n', "a raw newline inside a PromQL string literal");
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            var e = text[i++];
            switch (e)
            {
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case '\\' or '"' or '\'': value.Append(e); break;
                case 'u':
                    value.Append((char)int.Parse(text.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                case 'x':
                    value.Append((char)int.Parse(text.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                default: Assert.Fail($"unknown escape \\{e}"); break;
            }
        }

        i++;
        return value.ToString();
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (text[i] == ' ')
        {
            i++;
        }
    }
}
