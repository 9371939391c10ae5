namespace Periscope.Prometheus;

/// <summary>
/// One exposed metric: a name, its help and type, and its series. Every instrument whose exposed name is
/// the same feeds the same family, so two meters of one name (two hosts in a test process) still give one
/// valid family.
/// </summary>
internal abstract class MetricFamily(string name, string? help, string type)
{
    public string Name { get; } = name;

    public string? Help { get; } = help;

    /// <summary><c>counter</c>, <c>gauge</c> or <c>histogram</c>.</summary>
    public string Type { get; } = type;

    public abstract bool IsEmpty { get; }

    public abstract void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags);

    /// <summary>Called before observable instruments are asked for their values.</summary>
    public virtual void BeginCollect()
    {
    }

    public void Write(PrometheusTextWriter writer)
    {
        if (IsEmpty)
        {
            return;
        }

        writer.WriteHeader(Name, Help, Type);
        WriteSamples(writer);
    }

    protected abstract void WriteSamples(PrometheusTextWriter writer);
}
