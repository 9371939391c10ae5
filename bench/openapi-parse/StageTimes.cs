namespace Periscope.Bench.OpenApiParse;

/// <summary>Milliseconds spent in each step of one staged parse (the steps of <c>OpenApiDocumentParser</c>'s remarks).</summary>
/// <param name="Read">Step 1: the text (JSON, or YAML through YamlDotNet) into a JSON tree.</param>
/// <param name="Model">Step 3a: source fix-ups and Microsoft.OpenApi reading the tree into its model.</param>
/// <param name="Write">Step 3b: the model written as 3.1 JSON, reparsed, fixed up, and the final JSON string.</param>
/// <param name="Views">Steps 4 and 5: operations, slugs and low-code views.</param>
internal readonly record struct StageTimes(double Read, double Model, double Write, double Views);
