namespace Periscope.Forwarding;

/// <summary>Why sending a request failed before any response headers came back (<see cref="SendFailures"/>).</summary>
public enum SendFailure
{
    /// <summary>No connection could be made (refused, unreachable, connect timeout): nothing was sent, safe to retry elsewhere.</summary>
    ConnectFailed,

    /// <summary>The destination did not answer (headers) within the timeout.</summary>
    Timeout,

    /// <summary>The destination failed after the connection was made: reset, bad response, body cut short.</summary>
    UpstreamFailed,

    /// <summary>The client's body grew past the limit given to <see cref="RequestBodyContent"/>.</summary>
    RequestBodyTooLarge,

    /// <summary>Reading the client's request body failed (the client went away or sent a malformed body).</summary>
    RequestBodyFailed,

    /// <summary>The client disconnected; the upstream call was cancelled.</summary>
    ClientAborted,
}
