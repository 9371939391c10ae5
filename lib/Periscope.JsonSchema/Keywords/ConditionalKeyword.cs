using System.Text.Json;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary>
/// <c>if</c>, <c>then</c> and <c>else</c> (Core 2020-12 §10.2.2.1–10.2.2.3): <c>if</c> is probed silently, then
/// the chosen branch is applied with its failures reported as the instance's own.
/// </summary>
internal sealed class ConditionalKeyword(SchemaNode condition, SchemaNode? then, SchemaNode? otherwise) : Keyword
{
    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        var matched = condition.EvaluateInPlace(context, instance, location, annotations, probe: true);
        var branch = matched ? then : otherwise;
        if (branch is null)
        {
            return true;
        }

        if (branch.Constant == false)
        {
            return matched
                ? context.Fail(location, "then", "is not allowed when the if schema matches")
                : context.Fail(location, "else", "is not allowed unless the if schema matches");
        }

        return branch.EvaluateInPlace(context, instance, location, annotations);
    }
}
