using System.Text;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>
/// The two-character substrings of a search row's text, for the <c>search_pairs</c> index. FTS5's trigram tokenizer
/// indexes three-character substrings only, so a two-character term — most Chinese words (订单, 支付), and what a user
/// has typed after two keystrokes (<c>or</c>) — had to scan every row; these pairs, as words of a unicode61 index,
/// answer it from an index instead. A pair is two adjacent characters that unicode61 keeps in one word: ASCII letters
/// and digits (lowercased: unicode61 folds case anyway), and Chinese, Japanese and Korean letters. Pairs never span a
/// space or any other character, so they are exactly the text's substrings of length two made of those characters.
/// </summary>
internal static class TextPairs
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
                if (!IsPairable(text[i]) || !IsPairable(text[i + 1]))
                {
                    continue;
                }

                var (first, second) = (char.ToLowerInvariant(text[i]), char.ToLowerInvariant(text[i + 1]));
                if (seen.Add((first, second)))
                {
                    pairs.Append(pairs.Length == 0 ? "" : " ").Append(first).Append(second);
                }
            }
        }

        return pairs.ToString();
    }

    /// <summary>Whether <paramref name="term"/> is one pair, which <c>search_pairs</c> can answer.</summary>
    public static bool IsPair(string term) => term.Length == 2 && IsPairable(term[0]) && IsPairable(term[1]);

    /// <summary>
    /// ASCII letters and digits; Han ideographs, kana letters and Hangul syllables as far as Unicode 6.1, whose tables
    /// unicode61 uses. Anything else (accented letters, which unicode61 would fold; newer or rarer ideographs;
    /// supplementary planes; punctuation) is left to the scan, so the index can never miss what the scan would find.
    /// </summary>
    public static bool IsPairable(char c) => char.IsAsciiLetterOrDigit(c)
        || c is (>= '\u4E00' and <= '\u9FCB') or (>= '\u3400' and <= '\u4DB5')
            or (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or (>= '\uAC00' and <= '\uD7A3');
}
