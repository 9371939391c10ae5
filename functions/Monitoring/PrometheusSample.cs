namespace Periscope.Functions.Monitoring;

/// <summary>One element of an instant vector (or a scalar, with no labels): its labels, the evaluation time and the value.</summary>
internal sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, DateTimeOffset Time, double Value)
{
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : string.Empty;
}
