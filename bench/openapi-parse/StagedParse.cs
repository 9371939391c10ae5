using System.Diagnostics;
using System.Text.Json.Nodes;
using Periscope.OpenApi;
using Periscope.OpenApi.Normalization;
using Periscope.OpenApi.Reading;

namespace Periscope.Bench.OpenApiParse;

/// <summary>Runs the steps of <see cref="OpenApiDocumentParser.Parse(string, string?)"/> one by one, timing each.</summary>
/// <remarks>It calls the same internal steps as Parse, without its error handling, so it needs a valid document.</remarks>
internal static class StagedParse
{
    public static StageTimes Run(BenchCase benchCase)
    {
        var diagnostics = new List<ParseDiagnostic>();
        var clock = Stopwatch.StartNew();
        var root = SourceReader.Read(benchCase.Text, ContentFormatDetector.Detect(benchCase.Text, benchCase.ContentType), diagnostics, CancellationToken.None);
        var read = Lap(clock);

        var kind = DeclaredVersion.Find(root, diagnostics, out _)?.Kind ?? throw new InvalidOperationException($"{benchCase.Name} is not a supported document.");
        var model = DocumentNormalizer.Read((JsonObject)root!, kind, diagnostics) ?? throw new InvalidOperationException($"{benchCase.Name} was not read.");
        var read31 = Lap(clock);

        var normalized = DocumentNormalizer.Write(model, kind, diagnostics) ?? throw new InvalidOperationException($"{benchCase.Name} was not written.");
        _ = normalized.ToJsonString();
        var write = Lap(clock);

        _ = OpenApiDocumentParser.DescribeOperations(normalized, diagnostics, CancellationToken.None);
        return new StageTimes(read, read31, write, Lap(clock));
    }

    private static double Lap(Stopwatch clock)
    {
        var elapsed = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return elapsed;
    }
}
