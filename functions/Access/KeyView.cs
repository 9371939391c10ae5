using System.Text.Json.Serialization;

namespace Periscope.Functions.Access;

/// <summary>An API key as the key functions show it: never its hash or salt; the key itself only once, on creation.</summary>
/// <param name="Status"><c>active</c>, <c>expired</c> or <c>revoked</c>.</param>
/// <param name="Key">The key to present (<c>psk_…</c>); only in the answer to its creation, then never again.</param>
internal sealed record KeyView(
    string Id,
    string Name,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Role>))] Role Role,
    IReadOnlyList<string> Scopes,
    string Status,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Key = null)
{
    public static KeyView From(ApiKeyRecord key, DateTimeOffset now, string? token = null) => new(
        key.Id,
        key.Name,
        key.Role,
        key.Scopes,
        key.RevokedAt is not null ? "revoked" : key.IsActive(now) ? "active" : "expired",
        key.CreatedAt,
        key.CreatedBy,
        key.ExpiresAt,
        key.RevokedAt,
        key.LastUsedAt,
        token);
}
