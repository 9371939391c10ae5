namespace Periscope.Functions.Access;

/// <summary>Configuration section <c>Access</c>: who may call the functions, and how often. Validated at start-up.</summary>
internal sealed record AccessOptions
{
    public const string Section = "Access";

    /// <summary>The shortest <see cref="BootstrapKey"/> accepted: as long as a 192-bit random value in base64.</summary>
    public const int MinimumBootstrapKeyLength = 32;

    /// <summary>
    /// <c>Access:AnonymousReads</c>: whether reads (the catalog, call records, metrics views) answer requests
    /// without credentials. Default false: every function requires a credential. Changes and invocations
    /// always do, whatever this says.
    /// </summary>
    public bool AnonymousReads { get; init; }

    /// <summary>
    /// <c>Access:BootstrapKey</c> (env <c>Access__BootstrapKey</c>): an Admin key, in any form of at least
    /// <see cref="MinimumBootstrapKeyLength"/> characters, that works for as long as it is configured; it is
    /// never stored. It may also create ClusterOwner keys, which no stored key can (see <see cref="CreateKey"/>).
    /// Default none: then, when the store holds no active Admin or ClusterOwner key at start, one is
    /// generated, stored as a hash, and printed once to standard output.
    /// </summary>
    public string? BootstrapKey { get; init; }

    /// <summary><c>Access:RateLimit</c>: requests per caller.</summary>
    public AccessRateLimitOptions RateLimit { get; init; } = new();

    /// <summary>
    /// <c>Access:KeyCacheTtl</c>: how long a key read from the store is trusted before it is read again.
    /// A key revoked through this process stops working at once; through another replica, within this
    /// long. Default 10 seconds; zero reads the store on every request.
    /// </summary>
    public TimeSpan KeyCacheTtl { get; init; } = TimeSpan.FromSeconds(10);

    public IEnumerable<string> Validate()
    {
        if (BootstrapKey is { } key && (key.Trim().Length < MinimumBootstrapKeyLength || key.Trim() != key))
        {
            yield return $"{Section}:BootstrapKey must be at least {MinimumBootstrapKeyLength} characters without leading or trailing spaces; got {key.Length} characters.";
        }

        if (KeyCacheTtl < TimeSpan.Zero || KeyCacheTtl > TimeSpan.FromMinutes(5))
        {
            yield return $"{Section}:KeyCacheTtl must be from 00:00:00 to 00:05:00: a revoked key keeps working in other replicas this long; got {KeyCacheTtl:c}.";
        }

        foreach (var error in RateLimit.Validate())
        {
            yield return error;
        }
    }
}
