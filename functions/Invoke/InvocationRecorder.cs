using Periscope.Functions.Access;
using Periscope.Functions.Calls;
using Periscope.Functions.Store;

namespace Periscope.Functions.Invoke;

/// <summary>
/// Ends each call: its metrics (cataloged targets only) and its call record, handed to the
/// <see cref="ICallRecorder"/>, which never blocks. Without a recorder registered, calls are not recorded.
/// </summary>
internal sealed class InvocationRecorder(InvokeMetrics metrics, TimeProvider time, ICallRecorder? recorder = null)
{
    public Invocation Start(Caller caller, ServiceKey target, string method)
    {
        var invocation = new Invocation(caller, target, method, time.GetUtcNow(), time.GetTimestamp());
        invocation.CaptureLimit = recorder is null ? 0 : Math.Max(0, recorder.BodyCaptureLimit(target.Namespace, target.AppId));
        return invocation;
    }

    public void Finish(Invocation invocation, int status, string? error, long requestBytes = 0, long responseBytes = 0)
    {
        var elapsed = time.GetElapsedTime(invocation.StartTimestamp);
        if (invocation.Cataloged)
        {
            metrics.Record(invocation.Target, invocation.OperationKey, invocation.Method, status, elapsed);
        }

        recorder?.Record(new CallRecord
        {
            Time = invocation.Started,
            KeyId = invocation.Caller.Kind == CallerKind.ApiKey ? invocation.Caller.Id : null,
            Namespace = invocation.Target.Namespace,
            AppId = invocation.Target.AppId,
            OperationKey = invocation.OperationKey,
            Method = invocation.Method,
            PathTemplate = invocation.PathTemplate,
            Status = status,
            Latency = elapsed,
            RequestBytes = requestBytes,
            ResponseBytes = responseBytes,
            TraceId = invocation.TraceId,
            Error = error,
            RequestHeaders = invocation.CaptureLimit > 0 ? invocation.RequestHeaders : null,
            RequestBody = invocation.RequestBody?.Captured,
            ResponseBody = invocation.ResponseBody?.Captured,
            BodiesTruncated = invocation.RequestBody?.Truncated == true || invocation.ResponseBody?.Truncated == true,
        });
    }
}
