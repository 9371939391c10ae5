using System.Text;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>
/// The one- and two-character substrings of a search row's text, for the <c>search_pairs</c> index. FTS5's trigram
/// tokenizer indexes three-character substrings only, so a shorter term — most Chinese words (订单, 支付; 单 alone), and
/// what a user has typed after one or two keystrokes (<c>o</c>, <c>or</c>) — had to scan every row; these substrings,
/// as words of a unicode61 index, answer it from an index instead. Only characters unicode61 keeps inside a word take
/// part: ASCII letters and digits (lowercased: unicode61 folds case anyway), and Chinese, Japanese and Korean letters.
/// A pair never spans a space or any other character, so the index holds exactly the text's substrings of length one
/// and two made of those characters.
/// </summary>
internal static class ShortSubstrings
{
    /// <summary>The distinct substrings in <paramref name="texts"/>, space-separated, in order of first appearance; empty without any.</summary>
    public static string Of(params ReadOnlySpan<string?> texts)
    {
        var seen = new HashSet<(char, char)>();
        var words = new StringBuilder();
        foreach (var text in texts)
        {
            for (var i = 0; text is not null && i < text.Length; i++)
            {
                if (!IsIndexed(text[i]))
                {
                    continue;
                }

                var first = char.ToLowerInvariant(text[i]);
                Add(first, '\0');
                if (i + 1 < text.Length && IsIndexed(text[i + 1]))
                {
                    Add(first, char.ToLowerInvariant(text[i + 1]));
                }
            }
        }

        return words.ToString();

        void Add(char first, char second)
        {
            if (seen.Add((first, second)))
            {
                words.Append(words.Length == 0 ? "" : " ").Append(first);
                if (second != '\0')
                {
                    words.Append(second);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="term"/> is one or two indexed characters, which <c>search_pairs</c> can answer.</summary>
    public static bool IsIndexed(string term) => term.Length is 1 or 2 && term.All(IsIndexed);

    /// <summary>
    /// ASCII letters and digits; Han ideographs, kana letters and Hangul syllables as far as Unicode 6.1, whose tables
    /// unicode61 uses. Anything else (accented letters, which unicode61 would fold; newer or rarer ideographs;
    /// supplementary planes; punctuation) is left to the scan, so the index can never miss what the scan would find.
    /// </summary>
    public static bool IsIndexed(char c) => char.IsAsciiLetterOrDigit(c)
        || c is (>= '\u4E00' and <= '\u9FCB') or (>= '\u3400' and <= '\u4DB5')
            or (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or (>= '\uAC00' and <= '\uD7A3');
}
