namespace Periscope.Functions.Invoke;

/// <summary>How one attempt to reach the app through the sidecar ended.</summary>
internal enum ExchangeKind
{
    /// <summary>The app answered (any status): its answer goes back to the caller unchanged.</summary>
    Answered,

    /// <summary>The sidecar answered with a Dapr error of its own (<see cref="DaprErrorBody"/>).</summary>
    DaprError,

    /// <summary>No connection to the sidecar could be made: nothing was sent.</summary>
    ConnectFailed,

    /// <summary>No answer (headers) within the timeout.</summary>
    Timeout,

    /// <summary>The connection broke, or the answer was malformed, before the answer's headers.</summary>
    UpstreamFailed,

    /// <summary>The caller's body grew past <see cref="InvokeOptions.MaxRequestBodyBytes"/>.</summary>
    RequestBodyTooLarge,

    /// <summary>Reading the caller's body failed (malformed chunking, caller gone).</summary>
    RequestBodyFailed,

    /// <summary>The caller went away.</summary>
    ClientAborted,
}
