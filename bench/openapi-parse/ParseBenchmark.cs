using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.OpenApi;
using Periscope.OpenApi;
using Periscope.OpenApi.Reading;

namespace Periscope.Bench.OpenApiParse;

/// <summary>Times one document: Microsoft.OpenApi's parse, ours, and ours step by step, interleaved in each iteration.</summary>
/// <remarks>
/// Interleaving puts the three under the same machine load (the machine is shared and noisy, see
/// ARCHITECTURE.md, "Performance targets"); a full collection before each measurement keeps one's garbage
/// out of the next one's time.
/// Microsoft.OpenApi 2.x reads YAML only with its separate YamlReader package, which the solution does not
/// use; for a YAML document its time is that of the same document as JSON.
/// </remarks>
internal static class ParseBenchmark
{
    private const int SmallDocument = 100_000;

    public static BenchResult Run(BenchCase benchCase, BenchOptions options)
    {
        var parser = new OpenApiDocumentParser();
        var libraryText = benchCase.IsYaml ? AsJson(benchCase.Text) : benchCase.Text;
        var scale = benchCase.Text.Length < SmallDocument ? 10 : 1;
        var library = new List<double>();
        var ours = new List<double>();
        var allocated = new List<double>();
        var stages = new List<StageTimes>();
        ParsedDocument? last = null;

        for (var i = 0; i < (options.WarmUps + options.Iterations) * scale; i++)
        {
            var measured = i >= options.WarmUps * scale;
            var libraryMs = Time(() => OpenApiDocument.Parse(libraryText, "json"));

            Collect();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            last = parser.Parse(benchCase.Text, benchCase.ContentType);
            var oursMs = clock.Elapsed.TotalMilliseconds;
            var allocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

            Collect();
            var staged = StagedParse.Run(benchCase);
            if (measured)
            {
                library.Add(libraryMs);
                ours.Add(oursMs);
                allocated.Add(allocatedBytes);
                stages.Add(staged);
            }
        }

        if (last is not { Succeeded: true })
        {
            throw new InvalidOperationException($"{benchCase.Name} did not parse: {string.Join("; ", last?.Diagnostics.Select(d => d.Message) ?? [])}");
        }

        if (options.DumpDirectory is { } dump)
        {
            Dump(last, Path.Combine(dump, benchCase.Name));
        }

        return new BenchResult(
            benchCase.Name,
            benchCase.Text.Length,
            last.Operations.Count,
            Stats.Of(library),
            Stats.Of(ours),
            new StageTimes(
                Stats.Of([.. stages.Select(s => s.Read)]).Median,
                Stats.Of([.. stages.Select(s => s.Model)]).Median,
                Stats.Of([.. stages.Select(s => s.Write)]).Median,
                Stats.Of([.. stages.Select(s => s.Views)]).Median),
            Stats.Of(allocated).Median,
            last.Operations.Sum(operation => (long)operation.LowCodeViewJson.Length),
            last.NormalizedJson!.Length,
            Fingerprint(last));
    }

    private static double Time(Action action)
    {
        Collect();
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static string AsJson(string yaml) =>
        SourceReader.Read(yaml, ContentFormat.Yaml, [], CancellationToken.None)!.ToJsonString();

    private static void Dump(ParsedDocument document, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "normalized.json"), document.NormalizedJson);
        File.WriteAllLines(Path.Combine(directory, "diagnostics.txt"), document.Diagnostics.Select(d => d.ToString()));
        File.WriteAllLines(Path.Combine(directory, "views.jsonl"), document.Operations.Select(o => o.Slug + " " + o.LowCodeViewJson));
    }

    private static string Fingerprint(ParsedDocument document)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? text) => hash.AppendData(Encoding.UTF8.GetBytes((text ?? "\u0000") + "\u0001"));
        Add(document.NormalizedJson);
        foreach (var diagnostic in document.Diagnostics)
        {
            Add(diagnostic.ToString());
        }

        foreach (var operation in document.Operations)
        {
            Add(operation.Slug);
            Add(operation.LowCodeViewJson);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
