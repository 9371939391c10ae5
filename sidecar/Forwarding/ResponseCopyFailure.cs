namespace Periscope.Sidecar.Forwarding;

/// <summary>Which side broke off a response body copy.</summary>
internal enum ResponseCopyFailure
{
    None,

    /// <summary>Reading from the destination failed: reset, cut short, malformed chunking.</summary>
    Source,

    /// <summary>Writing to the client failed or the client went away.</summary>
    Client,

    /// <summary>The copy was cancelled (the client went away).</summary>
    Cancelled,
}
