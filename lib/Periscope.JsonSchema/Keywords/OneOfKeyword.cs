using System.Text.Json;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary><c>oneOf</c> (Core 2020-12 §10.2.1.3): exactly one branch matches; one error says how many did.</summary>
internal sealed class OneOfKeyword(SchemaNode[] branches) : Keyword
{
    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        var matched = 0;
        var own = annotations is null ? null : new Annotations();
        foreach (var branch in branches)
        {
            if (branch.EvaluateInPlace(context, instance, location, own, probe: true) && ++matched > 1)
            {
                break;
            }
        }

        if (matched == 1)
        {
            if (own is not null)
            {
                annotations!.Merge(own);
            }

            return true;
        }

        return context.Fail(location, "oneOf", (count: branches.Length, matched), static state =>
            $"must match exactly one of the {state.count} schemas in oneOf (matched {(state.matched > 1 ? "more than one" : "none")})");
    }
}
