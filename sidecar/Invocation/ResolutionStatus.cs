namespace Periscope.Sidecar.Invocation;

internal enum ResolutionStatus
{
    /// <summary>The catalog lists endpoints for the app-id.</summary>
    Found,

    /// <summary>The catalog knows no such app-id in that namespace (its endpoints route answered 404).</summary>
    UnknownApp,

    /// <summary>The app-id is known, but no sidecar of it has reported a heartbeat recently.</summary>
    NoEndpoints,

    /// <summary>The catalog could not be asked, and nothing recent enough is remembered.</summary>
    CatalogUnavailable,
}
