using System.Text.Json;
using System.Text.RegularExpressions;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary>
/// <c>properties</c>, <c>patternProperties</c> and <c>additionalProperties</c> together (Core 2020-12
/// §10.3.2.1–10.3.2.3): each property of the instance goes to its named schema and to every pattern that
/// matches its name; one that neither names nor matches goes to <c>additionalProperties</c>.
/// </summary>
internal sealed class PropertiesKeyword(
    Dictionary<string, SchemaNode> named,
    (Regex Regex, string Pattern, SchemaNode Schema)[] patterns,
    SchemaNode? additional) : Keyword
{
    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            if (!EvaluateProperty(context, property, location, annotations))
            {
                valid = false;
                if (context.ShouldStop)
                {
                    break;
                }
            }
        }

        return valid;
    }

    private bool EvaluateProperty(EvaluationContext context, JsonProperty property, InstanceLocation parent, Annotations? annotations)
    {
        var name = property.Name;
        InstanceLocation? location = null;
        var matched = false;
        var valid = true;
        if (named.TryGetValue(name, out var schema))
        {
            matched = true;
            valid = schema.EvaluateUnder("properties", context, property.Value, location = parent.Property(name), null);
        }

        foreach (var (regex, pattern, patternSchema) in patterns)
        {
            if (!valid && context.ShouldStop)
            {
                return false;
            }

            bool matches;
            try
            {
                matches = regex.IsMatch(name);
            }
            catch (RegexMatchTimeoutException)
            {
                valid = context.Fail(location ??= parent.Property(name), "patternProperties", pattern, static pattern =>
                    $"could not be checked against the property pattern {pattern} in time");
                continue;
            }

            if (matches)
            {
                matched = true;
                valid &= patternSchema.EvaluateUnder("patternProperties", context, property.Value, location ??= parent.Property(name), null);
            }
        }

        if (!matched && additional is not null)
        {
            matched = true;
            valid &= additional.EvaluateUnder("additionalProperties", context, property.Value, location ?? parent.Property(name), null);
        }

        if (matched)
        {
            annotations?.AddProperty(name);
        }

        return valid;
    }
}
