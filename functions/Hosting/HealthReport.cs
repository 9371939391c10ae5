using System.Text.Json.Serialization;

namespace Periscope.Functions.Hosting;

/// <summary>The body of a healthy <c>/healthz</c> or ready <c>/readyz</c>: <c>{"status":"ok","checks":{"store":"ok"}}</c>.</summary>
internal sealed record HealthReport(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Checks = null);
