using System.Text.Json;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary>
/// <c>required</c> (Validation 2020-12 §6.5.3). Each missing property is reported at its own location, so a
/// form can mark the field.
/// </summary>
internal sealed class RequiredKeyword(string[] names) : Keyword
{
    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var name in names)
        {
            if (!instance.TryGetProperty(name, out _))
            {
                valid = context.Fail(location.Property(name), "required", "is required");
                if (context.ShouldStop)
                {
                    break;
                }
            }
        }

        return valid;
    }
}
