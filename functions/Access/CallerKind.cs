namespace Periscope.Functions.Access;

/// <summary>How a request authenticated.</summary>
internal enum CallerKind
{
    /// <summary>No credentials, admitted only where anonymous reads are configured.</summary>
    Anonymous,

    /// <summary>A sidecar, with the catalog's report token.</summary>
    Sidecar,

    /// <summary>A person or program, with an API key.</summary>
    ApiKey,

    /// <summary>Alertmanager, with the credential of <c>Alerts:Receiver</c>.</summary>
    Alertmanager,
}
