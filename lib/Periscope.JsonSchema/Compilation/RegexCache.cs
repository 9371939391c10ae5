using System.Text.RegularExpressions;

namespace Periscope.JsonSchema.Compilation;

/// <summary>
/// Compiles the regular expressions of <c>pattern</c> and <c>patternProperties</c>, once per distinct pattern.
/// </summary>
/// <remarks>
/// JSON Schema patterns are ECMA-262 regular expressions (Validation 2020-12 §4.3, Core §6.4). Unicode property
/// names are first rewritten by <see cref="EcmaPattern"/>; then <see cref="RegexOptions.ECMAScript"/> gives
/// <c>\d</c>, <c>\w</c> and <c>\s</c> their ECMA-262 meaning (ASCII only), and a pattern .NET refuses under that
/// option is compiled with default options instead. Every match is bounded by the timeout.
/// </remarks>
internal sealed class RegexCache(TimeSpan timeout)
{
    private readonly Dictionary<string, Regex> _compiled = new(StringComparer.Ordinal);

    public Regex Get(string pattern, string where)
    {
        if (_compiled.TryGetValue(pattern, out var regex))
        {
            return regex;
        }

        var dotNetPattern = EcmaPattern.ToDotNet(pattern);
        try
        {
            regex = new Regex(dotNetPattern, RegexOptions.ECMAScript, timeout);
        }
        catch (ArgumentException)
        {
            try
            {
                regex = new Regex(dotNetPattern, RegexOptions.None, timeout);
            }
            catch (ArgumentException exception)
            {
                throw new JsonSchemaException($"The pattern at {where} is not a valid regular expression: {exception.Message}", exception);
            }
        }

        _compiled[pattern] = regex;
        return regex;
    }
}
