namespace Periscope.Sidecar.Forwarding;

/// <summary>
/// The Dapr error codes Periscope answers with, from docs.dapr.io "Error codes reference guide"
/// (developing-applications/error-codes/error-codes-reference): the <c>errorCode</c> of a Dapr HTTP
/// error body, which Dapr SDKs surface to the caller.
/// </summary>
internal static class DaprErrorCodes
{
    /// <summary>Service invocation: "Error invoking service" (app unreachable, timed out, unknown app-id).</summary>
    public const string DirectInvoke = "ERR_DIRECT_INVOKE";

    /// <summary>Common: "Malformed request" (e.g. an invoke URL without <c>/method/</c>).</summary>
    public const string MalformedRequest = "ERR_MALFORMED_REQUEST";

    /// <summary>Common: "Error reading request body".</summary>
    public const string BodyRead = "ERR_BODY_READ";

    /// <summary>Common: "API not implemented" (state, pub/sub and the other Dapr building blocks).</summary>
    public const string ApiUnimplemented = "ERR_API_UNIMPLEMENTED";

    /// <summary>Healthz: "Dapr not ready".</summary>
    public const string HealthNotReady = "ERR_HEALTH_NOT_READY";

    /// <summary>Healthz: "Dapr outbound not ready".</summary>
    public const string OutboundHealthNotReady = "ERR_OUTBOUND_HEALTH_NOT_READY";

    /// <summary>Common: "Internal error".</summary>
    public const string Internal = "ERR_INTERNAL";
}
