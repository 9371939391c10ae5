using System.Text.Json;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary>
/// <c>allOf</c> (Core 2020-12 §10.2.1.1). Each branch's failures are the instance's own, so they are reported
/// as they are: the low-code view combines a reference with its sibling keywords this way.
/// </summary>
internal sealed class AllOfKeyword(SchemaNode[] branches) : Keyword
{
    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        var valid = true;
        foreach (var branch in branches)
        {
            if (!branch.EvaluateInPlace(context, instance, location, annotations))
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
}
