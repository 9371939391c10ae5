namespace Periscope.Functions.Access;

/// <summary>An API key as the store keeps it: never the key itself, only its salted hash.</summary>
/// <param name="CreatedBy">The id of the caller that created it (a key id, or <c>bootstrap</c>).</param>
internal sealed record ApiKeyRecord(
    string Id,
    string Name,
    Role Role,
    IReadOnlyList<string> Scopes,
    byte[] Salt,
    byte[] Hash,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt)
{
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || expires > now);
}
