using System.Text.Json;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary>
/// <c>contains</c> with <c>minContains</c> (default 1) and <c>maxContains</c> (Core 2020-12 §10.3.1.3,
/// Validation §6.4.4–6.4.5). Items are probed silently: an item that does not match is no failure in itself.
/// </summary>
internal sealed class ContainsKeyword(SchemaNode schema, long minimum, long? maximum) : Keyword
{
    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var matches = 0;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (context.Probe(schema, item, location.Item(index), null))
            {
                matches++;
                annotations?.AddItem(index);

                // Without annotations to collect, counting can stop once the answer is known.
                if (annotations is null && matches >= minimum && maximum is null)
                {
                    return true;
                }
            }

            index++;
        }

        if (matches < minimum)
        {
            return context.Fail(location, minimum == 1 ? "contains" : "minContains", (minimum, matches), static state =>
                $"must contain at least {state.minimum} item{(state.minimum == 1 ? "" : "s")} matching the contains schema (had {state.matches})");
        }

        if (matches > maximum)
        {
            return context.Fail(location, "maxContains", (maximum, matches), static state =>
                $"must contain at most {state.maximum} item{(state.maximum == 1 ? "" : "s")} matching the contains schema (had {state.matches})");
        }

        return true;
    }
}
