namespace Periscope.Bench.OpenApiParse;

/// <summary>Command-line options: <c>[--iterations N] [--testdata DIR] [--dump DIR]</c>.</summary>
/// <param name="Iterations">Measured iterations of each large document; small ones get ten times as many.</param>
/// <param name="WarmUps">Unmeasured iterations first, so the JIT has tiered up (tier-1 with PGO).</param>
/// <param name="TestDataDirectory">Real documents to time besides the generated ones; null for none.</param>
/// <param name="DumpDirectory">Where to write each document's Parse output, to diff two builds; null for nowhere.</param>
internal sealed record BenchOptions(int Iterations, int WarmUps, string? TestDataDirectory, string? DumpDirectory)
{
    public static BenchOptions FromArgs(string[] args)
    {
        var iterations = 5;
        string? testData = null;
        string? dump = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--iterations":
                    iterations = Math.Max(1, int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "--testdata":
                    testData = args[i + 1];
                    break;
                case "--dump":
                    dump = args[i + 1];
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}; use --iterations N, --testdata DIR and --dump DIR.");
            }
        }

        return new BenchOptions(iterations, WarmUps: 2, testData, dump);
    }
}
