using Periscope.Bench.OpenApiParse;

// Times OpenApiDocumentParser.Parse against Microsoft.OpenApi's own parse, side by side in one run.
var options = BenchOptions.FromArgs(args);
var cases = new List<BenchCase>(GeneratedDocuments.Create());
cases.AddRange(BenchCase.FromDirectory(options.TestDataDirectory));

ResultTable.PrintHeader(options);
foreach (var benchCase in cases)
{
    ResultTable.PrintRow(ParseBenchmark.Run(benchCase, options));
}

ResultTable.PrintLegend();
