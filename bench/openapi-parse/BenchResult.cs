namespace Periscope.Bench.OpenApiParse;

/// <summary>What one document's measurements came to.</summary>
/// <param name="Name">The document.</param>
/// <param name="Bytes">Its size as text (UTF-16 characters, which for these ASCII documents are bytes).</param>
/// <param name="Operations">How many operations Parse listed.</param>
/// <param name="Library">Microsoft.OpenApi's <c>OpenApiDocument.Parse</c> alone, in milliseconds.</param>
/// <param name="Ours">Our whole <c>OpenApiDocumentParser.Parse</c>, in milliseconds.</param>
/// <param name="Stages">Medians of the staged run's steps, in milliseconds.</param>
/// <param name="AllocatedBytes">Median bytes one Parse allocated on its thread.</param>
/// <param name="ViewBytes">Total length of all operations' low-code views.</param>
/// <param name="NormalizedBytes">Length of the normalized 3.1 JSON.</param>
/// <param name="Fingerprint">The start of a SHA-256 of everything Parse returned, to show outputs did not change.</param>
internal sealed record BenchResult(
    string Name,
    long Bytes,
    int Operations,
    Stats Library,
    Stats Ours,
    StageTimes Stages,
    double AllocatedBytes,
    long ViewBytes,
    long NormalizedBytes,
    string Fingerprint);
