namespace Periscope.Prometheus;

/// <summary>One labelled value of a counter or gauge.</summary>
internal sealed class ValueSeries
{
    private double value;

    public double Value => Volatile.Read(ref value);

    public void Add(double amount) => InterlockedDouble.Add(ref value, amount);

    public void Set(double newValue) => Volatile.Write(ref value, newValue);
}
