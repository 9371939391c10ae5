namespace Periscope.Functions.Access;

/// <summary>Makes and stores new API keys.</summary>
internal sealed class KeyIssuer(IKeyStore store, TimeProvider clock)
{
    private const int Attempts = 3;

    /// <summary>The stored key and the key text, which exists only in this answer.</summary>
    public async Task<(ApiKeyRecord Key, string Token)> IssueAsync(
        string name, Role role, IReadOnlyList<string> scopes, DateTimeOffset? expiresAt, Caller creator, CancellationToken cancellationToken)
    {
        // Ids are 48 random bits: a collision is unlikely but possible, and then another id is drawn.
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var generated = ApiKeyTokens.Generate();
            var key = new ApiKeyRecord(
                generated.Id, name, role, scopes, generated.Salt, generated.Hash, clock.GetUtcNow(), creator.Id, expiresAt, null, null);
            if (await store.CreateAsync(key, cancellationToken))
            {
                return (key, generated.Token);
            }
        }

        throw new InvalidOperationException($"No free API key id after {Attempts} attempts.");
    }
}
