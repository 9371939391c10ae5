using Periscope.OpenApi;

namespace Periscope.Bench.OpenApiParse;

/// <summary>The large documents the benchmark generates in code, so every run times the same input.</summary>
internal static class GeneratedDocuments
{
    public static IEnumerable<BenchCase> Create()
    {
        yield return new BenchCase("generated 3.0 JSON, recursive", OpenApi30Generator.Create(paths: 2_000), "application/json");
        yield return new BenchCase("generated 2.0 JSON", Swagger20Generator.Create(paths: 1_500), "application/json");
        yield return new BenchCase("generated 3.0 YAML", OpenApiYaml.FromJson(OpenApi30Generator.Create(paths: 1_000)), "application/yaml");
    }
}
