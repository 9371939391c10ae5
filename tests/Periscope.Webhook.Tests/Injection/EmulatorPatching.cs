using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Patching;

namespace Periscope.Webhook.Tests.Injection;

/// <summary>The emulated API server's RFC 6902 JSON Patch and YAML reader: the code that applies our patches end to end.</summary>
internal static class EmulatorPatching
{
    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="document"/>; a patch that does not apply fails with the patch in the message.</summary>
    public static JsonObject Apply(JsonObject document, JsonArray patch)
    {
        try
        {
            return JsonPatch.Apply(document, patch);
        }
        catch (PatchException e)
        {
            throw new InvalidOperationException($"the patch does not apply: {e.Message}\n{patch.ToJsonString()}", e);
        }
    }

    public static JsonNode? ParseYaml(string text) => YamlToJson.Parse(text);
}
