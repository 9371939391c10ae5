namespace Periscope.Functions.Calls;

/// <summary>
/// Takes call records off the request path. <see cref="Record"/> never blocks and never throws: when the
/// queue is full the record is dropped and counted, never the call.
/// </summary>
/// <remarks>
/// The record is kept, as handed over, until its batch is written (up to <c>CallRecords:FlushInterval</c>
/// later): the memory of its bodies must not be reused by the caller (no pooled buffers).
/// </remarks>
internal interface ICallRecorder
{
    void Record(CallRecord record);

    /// <summary>How many bytes of each body to capture for this service; 0 when bodies are not recorded for it.</summary>
    int BodyCaptureLimit(string @namespace, string appId);
}
