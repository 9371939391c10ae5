using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Periscope.JsonSchema.Evaluation;

/// <summary>A compiled schema: a boolean schema, or the keywords of a schema object in evaluation order.</summary>
/// <remarks>
/// Immutable once the compiler has linked its references, so one compiled schema serves any number of
/// concurrent validations.
/// </remarks>
internal sealed class SchemaNode
{
    private Keyword[] _keywords = [];

    public SchemaNode(string pointer, bool? constant = null)
    {
        Pointer = pointer;
        Constant = constant;
    }

    /// <summary>Where the schema is in the schema document (RFC 6901), for messages about the schema.</summary>
    public string Pointer { get; }

    /// <summary><see langword="true"/> or <see langword="false"/> for a schema that accepts or rejects everything (Core §4.3.2).</summary>
    public bool? Constant { get; private set; }

    /// <summary>Whether the schema has <c>unevaluatedProperties</c> or <c>unevaluatedItems</c>, which need annotations.</summary>
    public bool NeedsAnnotations { get; private set; }

    public void SetKeywords(Keyword[] keywords, bool needsAnnotations)
    {
        _keywords = keywords;
        NeedsAnnotations = needsAnnotations;
    }

    public void AcceptEverything() => Constant = true;

    public bool Evaluate(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        if (location.Depth > context.Options.MaxDepth)
        {
            return context.FailDepth(location);
        }

        if (Constant is { } accepts)
        {
            return accepts || context.Fail(location, "false", "is not allowed");
        }

        // The last guard against deep recursion through references; the depth limit and the loop check in
        // EvaluationContext normally stop it long before.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return context.FailDepth(location);
        }

        annotations ??= NeedsAnnotations ? new Annotations() : null;
        var valid = true;
        foreach (var keyword in _keywords)
        {
            if (!keyword.Evaluate(context, instance, location, annotations))
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

    /// <summary>
    /// Applies this schema as the value of <paramref name="keyword"/>: a <see langword="false"/> schema there
    /// is reported under that keyword ("additionalProperties", "items"...) rather than as a bare "false".
    /// </summary>
    public bool EvaluateUnder(string keyword, EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations) =>
        Constant == false && location.Depth <= context.Options.MaxDepth
            ? context.Fail(location, keyword, "is not allowed")
            : Evaluate(context, instance, location, annotations);

    /// <summary>
    /// Applies this schema to the same instance on behalf of an in-place applicator, and merges what it
    /// evaluated into <paramref name="annotations"/> only if it passed (Core §7.7.1.2: failed subschemas
    /// contribute no annotations).
    /// </summary>
    public bool EvaluateInPlace(EvaluationContext context, JsonElement instance, InstanceLocation location, Annotations? annotations, bool probe = false)
    {
        var own = annotations is null ? null : new Annotations();
        var valid = probe ? context.Probe(this, instance, location, own) : Evaluate(context, instance, location, own);
        if (valid && own is not null)
        {
            annotations!.Merge(own);
        }

        return valid;
    }
}
