namespace Periscope.Functions.Access;

/// <summary>What <see cref="IKeyStore.RevokeAsync"/> did.</summary>
internal enum KeyRevocation
{
    Revoked,

    /// <summary>It was revoked before; its revocation time is unchanged.</summary>
    AlreadyRevoked,

    NotFound,

    /// <summary>Refused: no other active Admin or ClusterOwner key would be left.</summary>
    LastAdmin,
}
