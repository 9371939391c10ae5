using System.Globalization;

namespace Periscope.Bench.OpenApiParse;

/// <summary>Prints the results as a Markdown table, one row per document as soon as it is measured.</summary>
internal static class ResultTable
{
    public static void PrintHeader(BenchOptions options)
    {
        Console.WriteLine(Invariant($"OpenAPI parse benchmark: {options.WarmUps} warm-up + {options.Iterations} measured iterations (x10 below 100 KB); .NET {Environment.Version}, {Environment.ProcessorCount} CPUs, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        Console.WriteLine();
        Console.WriteLine("| document | KB | ops | OpenAPI.NET ms med / min | Parse ms med / min | ratio | read | model | 3.1 write | views | alloc MB | views KB | output |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
    }

    public static void PrintRow(BenchResult r) => Console.WriteLine(Invariant(
        $"| {r.Name} | {r.Bytes / 1024.0:F0} | {r.Operations} | {r.Library.Median:F1} / {r.Library.Min:F1} | {r.Ours.Median:F1} / {r.Ours.Min:F1} | {r.Ours.Median / r.Library.Median:F2} | {r.Stages.Read:F1} | {r.Stages.Model:F1} | {r.Stages.Write:F1} | {r.Stages.Views:F1} | {r.AllocatedBytes / 1048576:F1} | {r.ViewBytes / 1024.0:F0} | {r.Fingerprint} |"));

    public static void PrintLegend()
    {
        Console.WriteLine();
        Console.WriteLine("ratio = Parse median / OpenAPI.NET median (target: <= 1). read, model, 3.1 write, views = medians in ms of a staged");
        Console.WriteLine("run of Parse's steps; alloc = bytes one Parse allocates; output = SHA-256 prefix of everything Parse returned.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
