using Periscope.Functions.Store;

namespace Periscope.Functions.Access;

/// <summary>Where API keys are kept (the shared SQLite database by default).</summary>
internal interface IKeyStore
{
    /// <summary>Adds a key; false when its id is taken (ids are random, so the caller makes another).</summary>
    Task<bool> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    Task<ApiKeyRecord?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every key, revoked and expired ones included, oldest first.</summary>
    Task<Page<ApiKeyRecord>> ListAsync(PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Revokes a key at <paramref name="now"/>, unless it is the last active Admin-or-better key: checked and
    /// written in one transaction, so two revocations at once cannot both pass the check.
    /// </summary>
    Task<KeyRevocation> RevokeAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="candidate"/> only if no active Admin-or-better key exists at <paramref name="now"/>,
    /// in one transaction; false when one exists (another replica may have just made it).
    /// </summary>
    Task<bool> CreateIfNoActiveAdminAsync(ApiKeyRecord candidate, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records when keys were last used; a time older than the stored one is ignored.</summary>
    Task RecordUseAsync(IReadOnlyCollection<KeyValuePair<string, DateTimeOffset>> uses, CancellationToken cancellationToken);
}
