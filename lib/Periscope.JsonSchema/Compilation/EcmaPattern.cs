using System.Text;

namespace Periscope.JsonSchema.Compilation;

/// <summary>
/// Rewrites what ECMA-262 regular expressions spell differently from .NET: Unicode property escapes by long
/// General_Category name (<c>\p{Letter}</c>, <c>\p{gc=Decimal_Number}</c>; ECMA-262 §22.2.2.9 with Unicode's
/// PropertyValueAliases.txt) become .NET's short names (<c>\p{L}</c>, <c>\p{Nd}</c>). Everything else is kept.
/// </summary>
internal static class EcmaPattern
{
    private static readonly Dictionary<string, string> Categories = new(StringComparer.Ordinal)
    {
        ["Letter"] = "L", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll", ["Titlecase_Letter"] = "Lt",
        ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo",
        ["Mark"] = "M", ["Combining_Mark"] = "M", ["Nonspacing_Mark"] = "Mn", ["Spacing_Mark"] = "Mc", ["Enclosing_Mark"] = "Me",
        ["Number"] = "N", ["Decimal_Number"] = "Nd", ["digit"] = "Nd", ["Letter_Number"] = "Nl", ["Other_Number"] = "No",
        ["Punctuation"] = "P", ["punct"] = "P", ["Connector_Punctuation"] = "Pc", ["Dash_Punctuation"] = "Pd",
        ["Open_Punctuation"] = "Ps", ["Close_Punctuation"] = "Pe", ["Initial_Punctuation"] = "Pi",
        ["Final_Punctuation"] = "Pf", ["Other_Punctuation"] = "Po",
        ["Symbol"] = "S", ["Math_Symbol"] = "Sm", ["Currency_Symbol"] = "Sc", ["Modifier_Symbol"] = "Sk", ["Other_Symbol"] = "So",
        ["Separator"] = "Z", ["Space_Separator"] = "Zs", ["Line_Separator"] = "Zl", ["Paragraph_Separator"] = "Zp",
        ["Other"] = "C", ["Control"] = "Cc", ["cntrl"] = "Cc", ["Format"] = "Cf", ["Surrogate"] = "Cs",
        ["Private_Use"] = "Co", ["Unassigned"] = "Cn",
    };

    public static string ToDotNet(string pattern)
    {
        if (!pattern.Contains("\\p{", StringComparison.OrdinalIgnoreCase))
        {
            return pattern;
        }

        var result = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c != '\\' || i + 1 >= pattern.Length)
            {
                result.Append(c);
                continue;
            }

            var next = pattern[i + 1];
            var close = pattern.IndexOf('}', i + 2);
            if (next is 'p' or 'P' && i + 2 < pattern.Length && pattern[i + 2] == '{' && close > 0
                && Categories.TryGetValue(StripCategoryPrefix(pattern[(i + 3)..close]), out var shortName))
            {
                result.Append('\\').Append(next).Append('{').Append(shortName).Append('}');
                i = close;
                continue;
            }

            // Any other escape, including an escaped backslash, is copied whole so that it is not read twice.
            result.Append(c).Append(next);
            i++;
        }

        return result.ToString();
    }

    private static string StripCategoryPrefix(string name) =>
        name.StartsWith("General_Category=", StringComparison.Ordinal) ? name["General_Category=".Length..]
        : name.StartsWith("gc=", StringComparison.Ordinal) ? name["gc=".Length..]
        : name;
}
