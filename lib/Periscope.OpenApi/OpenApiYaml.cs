using System.Text.Json;
using Periscope.OpenApi.Yaml;

namespace Periscope.OpenApi;

/// <summary>Turns a JSON document into YAML, for clients that ask for <c>Accept: application/yaml</c>.</summary>
public static class OpenApiYaml
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = YamlJsonBuilder.MaxDepth };

    /// <summary>Converts JSON text to block-style YAML text that reads back to the same JSON.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException"><paramref name="json"/> is not valid JSON.</exception>
    public static string FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json, Options);
        return JsonToYamlEmitter.Emit(document.RootElement);
    }
}
