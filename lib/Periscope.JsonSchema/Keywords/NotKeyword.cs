using System.Text.Json;
using Periscope.JsonSchema.Evaluation;

namespace Periscope.JsonSchema.Keywords;

/// <summary><c>not</c> (Core 2020-12 §10.2.1.4); its subschema's annotations are always dropped.</summary>
internal sealed class NotKeyword(SchemaNode schema) : Keyword
{
    public override bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations) =>
        !context.Probe(schema, instance, location, null) || context.Fail(location, "not", "must not match the schema in not");
}
