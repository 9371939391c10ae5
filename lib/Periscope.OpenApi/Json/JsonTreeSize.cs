using System.Text.Json.Nodes;

namespace Periscope.OpenApi.Json;

/// <summary>Counts the nodes of a JSON tree, the unit in which expansion budgets are kept.</summary>
internal static class JsonTreeSize
{
    public static long Count(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                long objectCount = 1;
                foreach (var (_, value) in obj)
                {
                    objectCount += Count(value);
                }

                return objectCount;
            case JsonArray array:
                long arrayCount = 1;
                foreach (var item in array)
                {
                    arrayCount += Count(item);
                }

                return arrayCount;
            default:
                return 1;
        }
    }
}
