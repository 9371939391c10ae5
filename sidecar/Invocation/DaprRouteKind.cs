namespace Periscope.Sidecar.Invocation;

internal enum DaprRouteKind
{
    /// <summary>Service invocation: the URL form, the <c>dapr-app-id</c> header form or the Basic-auth form.</summary>
    Invoke,

    /// <summary><c>/v1.0/healthz</c>.</summary>
    Healthz,

    /// <summary><c>/v1.0/healthz/outbound</c>.</summary>
    OutboundHealthz,

    /// <summary><c>/v1.0/metadata</c>.</summary>
    Metadata,

    /// <summary>Answered at once with a Dapr-style error (<see cref="DaprRoute.Status"/>, <see cref="DaprRoute.ErrorCode"/>, <see cref="DaprRoute.Message"/>).</summary>
    Error,
}
