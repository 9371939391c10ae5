namespace Periscope.Sidecar.Invocation;

/// <summary>What a request to the Dapr port asks for, parsed by <see cref="DaprRouteParser"/>.</summary>
/// <param name="Kind">Which API.</param>
/// <param name="Target">For <see cref="DaprRouteKind.Invoke"/>: the app-id and its namespace.</param>
/// <param name="PathAndQuery">For <see cref="DaprRouteKind.Invoke"/>: what to ask the target for, escaped as received, starting with '/'.</param>
/// <param name="AppIdCarrier">For <see cref="DaprRouteKind.Invoke"/>: the request header that named the target (removed before forwarding), or null for the URL form.</param>
/// <param name="Status">For <see cref="DaprRouteKind.Error"/>: the HTTP status.</param>
/// <param name="ErrorCode">For <see cref="DaprRouteKind.Error"/>: Dapr's error code.</param>
/// <param name="Message">For <see cref="DaprRouteKind.Error"/>: what was wrong.</param>
internal readonly record struct DaprRoute(
    DaprRouteKind Kind,
    AppKey Target = default,
    string? PathAndQuery = null,
    string? AppIdCarrier = null,
    int Status = 0,
    string? ErrorCode = null,
    string? Message = null)
{
    public static DaprRoute Invoke(AppKey target, string pathAndQuery, string? carrier) =>
        new(DaprRouteKind.Invoke, target, pathAndQuery, carrier);

    public static DaprRoute Error(int status, string errorCode, string message) =>
        new(DaprRouteKind.Error, Status: status, ErrorCode: errorCode, Message: message);
}
