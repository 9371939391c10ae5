using System.Text.Json;

namespace Periscope.JsonSchema.Json;

/// <summary>
/// JSON equality for <c>enum</c>, <c>const</c> and <c>uniqueItems</c> (Validation 2020-12 §4.2.2): numbers by
/// value (1 equals 1.0), strings by code point, arrays item by item, objects regardless of member order.
/// </summary>
internal sealed class JsonElementComparer : IEqualityComparer<JsonElement>
{
    public static readonly JsonElementComparer Instance = new();

    private JsonElementComparer()
    {
    }

    // System.Text.Json's DeepEquals (since .NET 9) compares numbers by value and objects without regard to order.
    public bool Equals(JsonElement x, JsonElement y) => JsonElement.DeepEquals(x, y);

    public int GetHashCode(JsonElement obj)
    {
        switch (obj.ValueKind)
        {
            case JsonValueKind.Number:
                return JsonNumber.From(obj).Double.GetHashCode();
            case JsonValueKind.String:
                return StringComparer.Ordinal.GetHashCode(obj.GetString()!);
            case JsonValueKind.Array:
                var arrayHash = new HashCode();
                foreach (var item in obj.EnumerateArray())
                {
                    arrayHash.Add(GetHashCode(item));
                }

                return arrayHash.ToHashCode();
            case JsonValueKind.Object:
                // Summed so that member order does not matter.
                var objectHash = 17;
                foreach (var property in obj.EnumerateObject())
                {
                    objectHash += HashCode.Combine(StringComparer.Ordinal.GetHashCode(property.Name), GetHashCode(property.Value));
                }

                return objectHash;
            default:
                return (int)obj.ValueKind;
        }
    }
}
