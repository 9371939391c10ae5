using System.Text;
using Microsoft.Extensions.Options;
using Periscope.Functions.Calls;

namespace Periscope.Functions.Tests.Calls;

/// <summary>Call records and options for the call record tests.</summary>
internal static class CallSamples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    public static CallRecord Record(
        string appId = "orders", int status = 200, double secondsAfterStart = 0, string @namespace = "default",
        string? keyId = "key-1", string? operationKey = null) => new()
    {
        Time = Start.AddSeconds(secondsAfterStart),
        KeyId = keyId,
        Namespace = @namespace,
        AppId = appId,
        OperationKey = operationKey,
        Method = "GET",
        PathTemplate = "/orders/{id}",
        Status = status,
        Latency = TimeSpan.FromMilliseconds(12.5),
        RequestBytes = 10,
        ResponseBytes = 20,
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
    };

    public static CallRecord WithBodies(string? request, string? response, bool truncated = false, params (string Name, string Value)[] headers) =>
        Record() with
        {
            RequestHeaders = headers.Select(header => KeyValuePair.Create(header.Name, header.Value)).ToList(),
            RequestBody = request is null ? null : Encoding.UTF8.GetBytes(request),
            ResponseBody = response is null ? null : Encoding.UTF8.GetBytes(response),
            BodiesTruncated = truncated,
        };

    public static StoredCall Stored(
        string appId = "orders", int status = 200, double secondsAfterStart = 0, string @namespace = "default",
        string? keyId = "key-1", string? operationKey = null) =>
        new CallRecordRedactor(Options.Create(new CallRecordsOptions())).Redact(Record(appId, status, secondsAfterStart, @namespace, keyId, operationKey));
}
