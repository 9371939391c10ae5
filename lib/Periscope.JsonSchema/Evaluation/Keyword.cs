using System.Text.Json;

namespace Periscope.JsonSchema.Evaluation;

/// <summary>One compiled keyword (or a group of keywords that only make sense together) of a schema object.</summary>
internal abstract class Keyword
{
    /// <summary>
    /// Applies the keyword to <paramref name="instance"/>; reports failures through <paramref name="context"/>
    /// and records what it evaluated in <paramref name="annotations"/> when that is not null.
    /// </summary>
    /// <returns>Whether the instance passed.</returns>
    public abstract bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations);
}
