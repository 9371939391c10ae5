using System.Diagnostics;

namespace Periscope.Functions.Invoke;

/// <summary>
/// The W3C Trace Context (https://www.w3.org/TR/trace-context/) a call carries to the app: the caller's
/// <c>traceparent</c>/<c>tracestate</c> unchanged when valid, so the app's spans join the caller's trace;
/// otherwise the host's current <see cref="Activity"/> (ASP.NET Core starts one per request when anything
/// listens), else a new trace, so every call, and its call record, has a trace id.
/// </summary>
internal readonly record struct TraceContext(string TraceParent, string? TraceState, string TraceId)
{
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    public static TraceContext From(IHeaderDictionary headers, Activity? current)
    {
        var traceParent = headers[TraceParentHeader].ToString();
        var traceState = headers[TraceStateHeader].ToString();
        if (traceParent.Length > 0 && ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var received))
        {
            return new TraceContext(traceParent, traceState.Length > 0 ? traceState : null, received.TraceId.ToHexString());
        }

        if (current is { IdFormat: ActivityIdFormat.W3C, Id: { } id })
        {
            return new TraceContext(id, current.TraceStateString, current.TraceId.ToHexString());
        }

        var traceId = ActivityTraceId.CreateRandom();
        return new TraceContext($"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-00", null, traceId.ToHexString());
    }
}
