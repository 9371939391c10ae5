using System.Text;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>
/// The two-character sequences of Chinese, Japanese and Korean text, for the <c>search_pairs</c> index. FTS5's trigram
/// tokenizer indexes three-character substrings only, so a two-character search term (订单, 支付: most Chinese words)
/// had to scan every row; these pairs, as words of a unicode61 index, answer it from an index instead. Pairs never
/// span a character of another script or a space, so they are exactly the CJK substrings of length two.
/// </summary>
internal static class CjkPairs
{
    /// <summary>The distinct pairs in <paramref name="texts"/>, space-separated, in order of first appearance; empty without any.</summary>
    public static string Of(params ReadOnlySpan<string?> texts)
    {
        var seen = new HashSet<(char, char)>();
        var pairs = new StringBuilder();
        foreach (var text in texts)
        {
            for (var i = 0; text is not null && i + 1 < text.Length; i++)
            {
                if (IsCjk(text[i]) && IsCjk(text[i + 1]) && seen.Add((text[i], text[i + 1])))
                {
                    pairs.Append(pairs.Length == 0 ? "" : " ").Append(text[i]).Append(text[i + 1]);
                }
            }
        }

        return pairs.ToString();
    }

    /// <summary>Whether <paramref name="term"/> is one pair, which <c>search_pairs</c> can answer.</summary>
    public static bool IsPair(string term) => term.Length == 2 && IsCjk(term[0]) && IsCjk(term[1]);

    /// <summary>
    /// Han ideographs, kana letters and Hangul syllables as far as Unicode 6.1, whose tables unicode61 uses: within
    /// those a pair stays one word. Anything later or rarer (newer ideographs, compatibility ideographs, supplementary
    /// planes) is left to the scan, so the index can never miss what the scan would find.
    /// </summary>
    public static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FCB') or (>= '\u3400' and <= '\u4DB5')
        or (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or (>= '\uAC00' and <= '\uD7A3');
}
