using System.Text.Json;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary>
/// <c>$ref</c> (Core 2020-12 §8.2.3.1): applies the referenced schema in place. The target is linked after the
/// whole schema is compiled, so references may point forward and form cycles; a cycle that never consumes
/// any of the instance is stopped with an error instead of looping.
/// </summary>
internal sealed class RefKeyword(string reference) : Keyword
{
    private SchemaNode? _target;

    public string Reference => reference;

    public void Link(SchemaNode target) => _target = target;

    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        var target = _target ?? throw new InvalidOperationException($"The reference {reference} was never linked.");
        if (!context.EnterReference(target, location))
        {
            return context.Fail(location, "$ref", reference, static reference =>
                $"cannot be checked: the reference {reference} leads back to itself without going deeper into the value");
        }

        try
        {
            return target.EvaluateInPlace(context, instance, location, annotations);
        }
        finally
        {
            context.ExitReference();
        }
    }
}
