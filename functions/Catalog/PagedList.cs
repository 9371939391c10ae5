using System.Text.Json.Serialization;

namespace Periscope.Functions.Catalog;

/// <summary>A page of a list; pass <c>continue</c> back to get the next page (absent on the last one).</summary>
internal sealed record PagedList<T>(
    IReadOnlyList<T> Items,
    [property: JsonPropertyName("continue"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Continue);
