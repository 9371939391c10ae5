using System.Collections.Concurrent;
using Periscope.Functions.Calls;

namespace Periscope.Functions.Tests.Invoke.Doubles;

/// <summary>Keeps the call records the gateway hands over; captures bodies when <see cref="CaptureLimit"/> is above 0.</summary>
internal sealed class FakeCallRecorder : ICallRecorder
{
    private readonly ConcurrentQueue<CallRecord> records = new();

    public int CaptureLimit { get; set; }

    public IReadOnlyCollection<CallRecord> Records => records;

    public void Record(CallRecord record) => records.Enqueue(record);

    public int BodyCaptureLimit(string @namespace, string appId) => CaptureLimit;

    public void Clear() => records.Clear();
}
