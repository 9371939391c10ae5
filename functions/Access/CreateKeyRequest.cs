namespace Periscope.Functions.Access;

/// <summary>The body of <c>POST /api/keys</c>. <see cref="Role"/> is a role's name (<c>Viewer</c>, <c>Operator</c>, <c>Admin</c>, <c>ClusterOwner</c>).</summary>
internal sealed record CreateKeyRequest(string? Name, string? Role, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt);
