namespace Periscope.Kubernetes.Emulator.Selectors;

/// <summary>One term of a label selector (kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors).</summary>
internal sealed record LabelRequirement(string Key, SelectorOperator Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            SelectorOperator.Equals => has && value == Values[0],
            SelectorOperator.NotEquals => !has || value != Values[0],
            SelectorOperator.In => has && Values.Contains(value!),
            SelectorOperator.NotIn => !has || !Values.Contains(value!),
            SelectorOperator.Exists => has,
            _ => !has,
        };
    }
}
