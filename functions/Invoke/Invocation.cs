using Periscope.Forwarding;
using Periscope.Functions.Access;
using Periscope.Functions.Store;

namespace Periscope.Functions.Invoke;

/// <summary>What is known of one call as it goes, for its call record and metrics (<see cref="InvocationRecorder"/>).</summary>
internal sealed class Invocation(Caller caller, ServiceKey target, string method, DateTimeOffset started, long startTimestamp)
{
    public Caller Caller => caller;

    public ServiceKey Target => target;

    public string Method { get; set; } = method;

    public DateTimeOffset Started => started;

    public long StartTimestamp => startTimestamp;

    /// <summary>Whether the catalog lists the target: only then does the call label metrics.</summary>
    public bool Cataloged { get; set; }

    public string? OperationKey { get; set; }

    /// <summary>The operation's path template, else the app's path without its query.</summary>
    public string PathTemplate { get; set; } = "/";

    public string? TraceId { get; set; }

    /// <summary>Bytes of each body to capture for the record; 0 when bodies are not recorded for the target.</summary>
    public int CaptureLimit { get; set; }

    public BodyCapture? RequestBody { get; set; }

    public BodyCapture? ResponseBody { get; set; }

    public IReadOnlyList<KeyValuePair<string, string>>? RequestHeaders { get; set; }
}
