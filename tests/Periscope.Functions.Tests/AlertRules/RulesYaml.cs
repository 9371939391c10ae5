using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Periscope.Functions.Tests.AlertRules;

/// <summary>Reads rule YAML into JSON nodes (every scalar a string) to compare and to cut a PrometheusRule's spec out.</summary>
internal static class RulesYaml
{
    public static JsonNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode)!;
    }

    /// <summary>A PrometheusRule's <c>spec</c> (its <c>groups</c>) as a rule file promtool reads; JSON is YAML.</summary>
    public static string SpecAsRuleFile(JsonNode prometheusRule) => prometheusRule["spec"]!.ToJsonString();

    public static string Canonical(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", Convert(p.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => null,
    };
}
