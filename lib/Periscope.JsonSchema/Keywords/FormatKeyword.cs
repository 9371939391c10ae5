using System.Text.Json;
using Periscope.JsonSchema.Evaluation;
using Periscope.JsonSchema.Formats;

namespace Periscope.JsonSchema.Keywords;

/// <summary><c>format</c> as an assertion, for the formats <see cref="FormatCheck.Find"/> knows.</summary>
internal sealed class FormatKeyword(FormatCheck check) : Keyword
{
    private readonly string _message = $"must be a valid {check.Noun}";

    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations) =>
        check.Accepts(instance) || context.Fail(location, "format", _message);
}
