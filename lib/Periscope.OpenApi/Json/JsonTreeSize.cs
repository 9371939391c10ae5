using System.Text.Json.Nodes;

namespace Periscope.OpenApi.Json;

/// <summary>Measures a JSON tree: its nodes, the unit of expansion budgets, and its nesting.</summary>
internal static class JsonTreeSize
{
    /// <summary>Returns the number of nodes and the number of nested containers (objects and arrays) on the deepest path; a scalar has height 0.</summary>
    public static (long Count, int Height) Measure(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                return MeasureChildren(obj.Select(property => property.Value));
            case JsonArray array:
                return MeasureChildren(array);
            default:
                return (1, 0);
        }
    }

    public static long Count(JsonNode? node) => Measure(node).Count;

    private static (long Count, int Height) MeasureChildren(IEnumerable<JsonNode?> children)
    {
        long count = 1;
        var height = 0;
        foreach (var child in children)
        {
            var (childCount, childHeight) = Measure(child);
            count += childCount;
            height = Math.Max(height, childHeight);
        }

        return (count, height + 1);
    }
}
