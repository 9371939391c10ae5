using System.Text.Json;
using System.Text.RegularExpressions;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary><c>pattern</c>: the string contains a match of the regular expression; it is not anchored (Validation 2020-12 §6.3.3).</summary>
internal sealed class PatternKeyword(Regex regex, string pattern) : Keyword
{
    private readonly string _message = $"must match the pattern {pattern}";

    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        try
        {
            return regex.IsMatch(instance.GetString()!) || context.Fail(location, "pattern", _message);
        }
        catch (RegexMatchTimeoutException)
        {
            return context.Fail(location, "pattern", pattern, static pattern => $"could not be checked against the pattern {pattern} in time");
        }
    }
}
