using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Periscope.OpenApi.Yaml;

/// <summary>
/// Types plain YAML scalars the way the YAML 1.2 core schema does (YAML 1.2.2 §10.3.2): null, booleans,
/// integers (decimal, 0o octal, 0x hex) and floats; everything else, and every quoted scalar, is a string.
/// </summary>
/// <remarks>
/// YAML 1.1's extra booleans (yes/no/on/off) and timestamps are strings here, as in the 1.2 core schema;
/// <see cref="NeedsQuotes"/> still quotes them on the way out so 1.1 readers do not misread them.
/// .inf and .nan have no JSON form and stay strings.
/// </remarks>
internal static partial class YamlCoreSchema
{
    /// <summary>Returns the JSON value of a plain (unquoted, untagged) scalar.</summary>
    public static JsonNode? ResolvePlain(string text)
    {
        if (text.Length == 0 || !MayBeNonString(text[0]))
        {
            return text.Length == 0 ? null : JsonValue.Create(text);
        }

        switch (text)
        {
            case "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (DecimalInteger().IsMatch(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return JsonValue.Create(integer);
            }

            return decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big)
                ? JsonValue.Create(big)
                : FloatOrString(text);
        }

        if (text.Length > 2 && text[0] == '0' && (text[1] == 'o' || text[1] == 'x'))
        {
            return RadixInteger(text);
        }

        return Float().IsMatch(text) ? FloatOrString(text) : JsonValue.Create(text);
    }

    /// <summary>Returns the JSON value of a scalar that carries an explicit tag such as <c>!!str</c> or <c>!!int</c>.</summary>
    public static JsonNode? ResolveTagged(string tag, string text, bool plain) => tag switch
    {
        "tag:yaml.org,2002:str" => JsonValue.Create(text),
        "tag:yaml.org,2002:null" => null,
        "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" => ResolvePlain(text),
        _ => plain ? ResolvePlain(text) : JsonValue.Create(text),
    };

    /// <summary>
    /// Whether a string must be quoted in YAML output so that neither a YAML 1.2 nor a YAML 1.1 reader
    /// takes it for something other than a string.
    /// </summary>
    public static bool NeedsQuotes(string text) =>
        text.Length == 0
        || ResolvePlain(text) is not JsonValue value
        || value.GetValueKind() != System.Text.Json.JsonValueKind.String
        || Yaml11NonString().IsMatch(text);

    private static bool MayBeNonString(char first) =>
        char.IsAsciiDigit(first) || first is '-' or '+' or '.' or '~' or 'n' or 'N' or 't' or 'T' or 'f' or 'F';

    private static JsonValue RadixInteger(string text)
    {
        var digits = text[2..];
        var valid = text[1] == 'o' ? OctalDigits().IsMatch(digits) : HexDigits().IsMatch(digits);
        if (!valid)
        {
            return JsonValue.Create(text);
        }

        try
        {
            return JsonValue.Create(Convert.ToInt64(digits, text[1] == 'o' ? 8 : 16));
        }
        catch (OverflowException)
        {
            return JsonValue.Create(text);
        }
    }

    // Decimal keeps the written scale ("1.50" stays 1.50) where it can; exponents and very large or small
    // values go through double, and values JSON cannot hold (overflow to infinity) stay strings.
    private static JsonValue FloatOrString(string text)
    {
        if (!text.Contains('e', StringComparison.OrdinalIgnoreCase)
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return JsonValue.Create(exact);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate)
            && double.IsFinite(approximate)
                ? JsonValue.Create(approximate)
                : JsonValue.Create(text);
    }

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^[0-7]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OctalDigits();

    [GeneratedRegex("^[0-9a-fA-F]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexDigits();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();

    // YAML 1.1 (yaml.org/type/bool.html, int.html, float.html, timestamp.html): words, sexagesimal and
    // underscored numbers, binary, and dates that 1.1 readers such as PyYAML resolve to non-strings.
    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|=|<<)$|^[-+]?[0-9][0-9_:.eE+-]*$|^[-+]?0b[01_]+$|^[-+]?\.[0-9]|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", RegexOptions.CultureInvariant)]
    private static partial Regex Yaml11NonString();
}
