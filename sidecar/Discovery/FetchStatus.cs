namespace Periscope.Sidecar.Discovery;

internal enum FetchStatus
{
    /// <summary>The app served a document.</summary>
    Found,

    /// <summary>The app answered 304 to a conditional GET: the document has not changed.</summary>
    NotModified,

    /// <summary>The app answered, but with no document: not 200, not OpenAPI, or too large.</summary>
    Missing,

    /// <summary>The app did not answer (not up yet, gone, or too slow).</summary>
    Unreachable,
}
