namespace Periscope.Sidecar.Forwarding;

internal enum ForwardError
{
    None,

    /// <summary>No connection could be made (refused, unreachable, connect timeout): nothing was sent, safe to retry elsewhere.</summary>
    ConnectFailed,

    /// <summary>The destination did not answer (headers) within the timeout.</summary>
    Timeout,

    /// <summary>The destination failed after the connection was made: reset, bad response, body cut short.</summary>
    UpstreamFailed,

    /// <summary>Reading the client's request body failed (the client went away or sent a malformed body).</summary>
    RequestBodyFailed,

    /// <summary>The client disconnected; the upstream call was cancelled.</summary>
    ClientAborted,
}
