using Microsoft.Extensions.Primitives;
using Periscope.Forwarding;
using Periscope.Functions.Store;

namespace Periscope.Functions.Invoke;

/// <summary>What to send to an app through the sidecar, however the caller described it (a raw path or an operation's inputs).</summary>
/// <param name="Target">The cataloged service.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="AppPathAndQuery">The path on the app (starting with '/') and query, already escaped and checked.</param>
/// <param name="Headers">Headers for the app, filtered already; content headers among them go on the body.</param>
/// <param name="Trace">The trace context to send.</param>
/// <param name="ContentLength">The body's declared length, when known.</param>
/// <param name="CreateBody">A fresh body for one attempt, or null for none; called again only when the last attempt sent nothing.</param>
internal sealed record GatewayRequest(
    ServiceKey Target,
    string Method,
    string AppPathAndQuery,
    IReadOnlyList<KeyValuePair<string, StringValues>> Headers,
    TraceContext Trace,
    long? ContentLength,
    Func<RequestBodyContent?> CreateBody)
{
    /// <summary>RFC 9110 §9.2.2 (TRACE aside, which the gateway does not forward).</summary>
    public bool IsIdempotent =>
        HttpMethods.IsGet(Method) || HttpMethods.IsHead(Method) || HttpMethods.IsOptions(Method) || HttpMethods.IsPut(Method) || HttpMethods.IsDelete(Method);
}
