namespace Periscope.Functions.Store;

internal enum DocumentStatus
{
    /// <summary>No sidecar has reported a document for the service.</summary>
    None,

    /// <summary>Parsed; operations extracted (possibly with warnings).</summary>
    Parsed,

    /// <summary>Stored with its diagnostics; it has no operations.</summary>
    Failed,
}
