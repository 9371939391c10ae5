using System.Text.Json.Serialization;

namespace Periscope.Functions.Monitoring;

/// <summary>One ranked node, pod or container: only the names that identify it are present.</summary>
internal sealed record TopItem(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Node,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Namespace,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Pod,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Container,
    double? Value);
