using Periscope.Catalog.Contracts;

namespace Periscope.Functions.Access;

/// <summary>Checks a <see cref="CreateKeyRequest"/>, collecting every problem by field for a 400's <c>errors</c> (RFC 9457 §3.2).</summary>
internal static class CreateKeyValidator
{
    public const int MaxNameLength = 100;
    public const int MaxScopes = 100;

    /// <summary>The role asked for, and the problems found (empty when valid).</summary>
    public static (Role Role, Dictionary<string, string[]> Errors) Validate(CreateKeyRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength || request.Name.Any(char.IsControl))
        {
            errors["name"] = [$"'name' is required: 1 to {MaxNameLength} characters, no control characters."];
        }

        Role role = default;
        if (request.Role is null
            || !Enum.TryParse(request.Role, ignoreCase: true, out role)
            || !Enum.IsDefined(role)
            || !request.Role.All(char.IsAsciiLetter))
        {
            errors["role"] = [$"'role' must be one of {string.Join(", ", Enum.GetNames<Role>())}; got {(request.Role is null ? "nothing" : $"'{request.Role}'")}."];
        }

        var scopes = request.Scopes ?? [];
        if (scopes.Count > MaxScopes)
        {
            errors["scopes"] = [$"At most {MaxScopes} scopes; got {scopes.Count}."];
        }

        for (var i = 0; i < scopes.Count && i < MaxScopes; i++)
        {
            if (CheckScope(scopes[i]) is { } problem)
            {
                errors[$"scopes[{i}]"] = [problem];
            }
        }

        if (request.ExpiresAt is { } expires && expires <= now)
        {
            errors["expiresAt"] = [$"'expiresAt' must be in the future; got {expires:O}."];
        }

        return (role, errors);
    }

    /// <summary>The syntax <see cref="CallerScope"/> reads: <c>namespace</c>, <c>namespace/*</c> or <c>namespace/appId</c>, each an RFC 1123 label.</summary>
    private static string? CheckScope(string? scope)
    {
        if (scope is null)
        {
            return "A scope must be 'namespace', 'namespace/*' or 'namespace/appId'; got nothing.";
        }

        var parts = scope.Split('/');
        if (parts.Length > 2)
        {
            return $"A scope must be 'namespace', 'namespace/*' or 'namespace/appId'; got '{scope}'.";
        }

        return ResourceNames.CheckLabel("namespace", parts[0])
            ?? (parts.Length == 2 && parts[1] != "*" ? ResourceNames.CheckLabel("appId", parts[1]) : null);
    }
}
