using Periscope.OpenApi.Reading;

namespace Periscope.Bench.OpenApiParse;

/// <summary>One document to time.</summary>
/// <param name="Name">What the table calls it.</param>
/// <param name="Text">The document as reported.</param>
/// <param name="ContentType">The media type it is reported with.</param>
internal sealed record BenchCase(string Name, string Text, string ContentType)
{
    public bool IsYaml => ContentFormatDetector.Detect(Text, ContentType) == ContentFormat.Yaml;

    public static IEnumerable<BenchCase> FromDirectory(string? directory)
    {
        if (directory is null || !Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var path in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
        {
            var yaml = path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal);
            yield return new BenchCase(Path.GetFileName(path), File.ReadAllText(path), yaml ? "application/yaml" : "application/json");
        }
    }
}
