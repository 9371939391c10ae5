namespace Periscope.Bench.OpenApiParse;

/// <summary>The median and minimum of a series of timings or sizes.</summary>
internal readonly record struct Stats(double Median, double Min)
{
    public static Stats Of(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Stats(median, sorted[0]);
    }
}
