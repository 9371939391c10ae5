using System.Text.Json;

namespace Periscope.JsonSchema.Evaluation;

/// <summary>The state of one <see cref="JsonSchemaValidator.Validate"/> call: the errors so far and the references being followed.</summary>
/// <remarks>
/// Subschemas whose own failures are not the instance's (the branches of <c>anyOf</c>, <c>oneOf</c>, <c>not</c>,
/// <c>if</c>, <c>contains</c>) are probed silently: nothing is recorded and evaluation stops at the first failure.
/// </remarks>
internal sealed class EvaluationContext
{
    private readonly List<SchemaError> _errors = [];
    private readonly int _maxErrors;
    private readonly List<(SchemaNode Target, InstanceLocation Location)> _references = [];
    private int _silent;
    private bool _depthReported;

    public EvaluationContext(JsonSchemaOptions options, int maxErrors)
    {
        Options = options;
        _maxErrors = maxErrors;
    }

    public JsonSchemaOptions Options { get; }

    public IReadOnlyList<SchemaError> Errors => _errors;

    /// <summary>Whether the current schema may stop at its first failure: nothing more would be recorded.</summary>
    public bool ShouldStop => _silent > 0 || _errors.Count >= _maxErrors;

    /// <summary>Records a failure unless probing; always returns <see langword="false"/>.</summary>
    public bool Fail(InstanceLocation location, string keyword, string message)
    {
        if (_silent == 0 && _errors.Count < _maxErrors)
        {
            _errors.Add(new SchemaError(location.ToString(), keyword, message));
        }

        return false;
    }

    /// <summary>Like <see cref="Fail(InstanceLocation, string, string)"/>, formatting the message only when it is recorded.</summary>
    public bool Fail<TState>(InstanceLocation location, string keyword, TState state, Func<TState, string> message)
    {
        if (_silent == 0 && _errors.Count < _maxErrors)
        {
            _errors.Add(new SchemaError(location.ToString(), keyword, message(state)));
        }

        return false;
    }

    /// <summary>Whether <paramref name="node"/> accepts the instance, recording nothing.</summary>
    public bool Probe(SchemaNode node, JsonElement instance, InstanceLocation location, Annotations? annotations)
    {
        _silent++;
        try
        {
            return node.Evaluate(this, instance, location, annotations);
        }
        finally
        {
            _silent--;
        }
    }

    /// <summary>Reports an instance nested too deep, once per validation.</summary>
    public bool FailDepth(InstanceLocation location)
    {
        if (_depthReported)
        {
            return false;
        }

        if (_silent == 0)
        {
            _depthReported = true;
        }

        return Fail(location, "depth", $"is nested deeper than {Options.MaxDepth} levels; it was not checked");
    }

    /// <summary>
    /// Starts following a reference; false when the same target is already being applied at the same
    /// location, which would loop forever without consuming any of the instance.
    /// </summary>
    public bool EnterReference(SchemaNode target, InstanceLocation location)
    {
        foreach (var (activeTarget, activeLocation) in _references)
        {
            if (ReferenceEquals(activeTarget, target) && ReferenceEquals(activeLocation, location))
            {
                return false;
            }
        }

        _references.Add((target, location));
        return true;
    }

    public void ExitReference() => _references.RemoveAt(_references.Count - 1);
}
