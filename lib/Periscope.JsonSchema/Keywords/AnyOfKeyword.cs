using System.Text.Json;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary>
/// <c>anyOf</c> (Core 2020-12 §10.2.1.2). Branches are probed silently and one error names the keyword, rather
/// than a flood of errors from branches that were never all meant to match.
/// </summary>
internal sealed class AnyOfKeyword(SchemaNode[] branches) : Keyword
{
    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        var valid = false;
        foreach (var branch in branches)
        {
            if (branch.EvaluateInPlace(context, instance, location, annotations, probe: true))
            {
                valid = true;

                // Every passing branch contributes annotations (Core §10.2.1.2), so with them wanted all are tried.
                if (annotations is null)
                {
                    break;
                }
            }
        }

        return valid || context.Fail(location, "anyOf", branches.Length, static count =>
            $"must match at least one of the {count} schemas in anyOf (matched none)");
    }
}
