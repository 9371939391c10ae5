using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Microsoft.Extensions.Options;

namespace Periscope.Functions.Calls;

/// <summary>
/// Turns what the gateway saw into what is stored: secret headers and body fields replaced by
/// <c>[redacted]</c>, bodies as text when UTF-8, else base64.
/// </summary>
/// <remarks>
/// A body is handled by what it is, not by what its Content-Type claims (responses carry none here):
/// 1. bytes that are not UTF-8 are stored as base64, unread: nothing in them can be found to redact;
/// 2. text starting with <c>{</c> or <c>[</c> must be JSON (a cut capture: the start of JSON) and is
///    redacted by structure (<see cref="JsonBodyRedactor"/>); if it is not, it is not stored, since a scan
///    could miss a secret in a malformed document;
/// 3. any other text is scanned for form fields and <c>"name": value</c> pairs (<see cref="TextBodyRedactor"/>).
/// When either body is base64 both are, so one <see cref="StoredCall.BodyEncoding"/> describes the record.
/// </remarks>
internal sealed class CallRecordRedactor
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly HashSet<string> _headers;
    private readonly HashSet<string> _fields;

    public CallRecordRedactor(IOptions<CallRecordsOptions> options)
    {
        _headers = CallRedaction.Names(CallRedaction.DefaultHeaders, options.Value.RedactHeaders);
        _fields = CallRedaction.Names(CallRedaction.DefaultFields, options.Value.RedactFields);
    }

    public StoredCall Redact(CallRecord record)
    {
        var request = Body(record.RequestBody, record.BodiesTruncated);
        var response = Body(record.ResponseBody, record.BodiesTruncated);
        var binary = request is { Text: null } || response is { Text: null };
        return new StoredCall
        {
            Time = record.Time,
            KeyId = record.KeyId,
            Namespace = record.Namespace,
            AppId = record.AppId,
            OperationKey = record.OperationKey,
            Method = record.Method,
            PathTemplate = record.PathTemplate,
            Status = record.Status,
            LatencyMs = record.Latency.TotalMilliseconds,
            RequestBytes = record.RequestBytes,
            ResponseBytes = record.ResponseBytes,
            TraceId = record.TraceId,
            Error = record.Error,
            RequestHeaders = record.RequestHeaders?
                .Select(header => new CallHeader(header.Key, _headers.Contains(header.Key) ? CallRedaction.Placeholder : header.Value))
                .ToList(),
            RequestBody = binary ? request?.Base64() : request?.Text,
            ResponseBody = binary ? response?.Base64() : response?.Text,
            BodiesTruncated = record.BodiesTruncated,
            BodyEncoding = request is null && response is null ? null : binary ? CallBodyEncoding.Base64 : CallBodyEncoding.Utf8,
        };
    }

    /// <summary>The body to store: redacted text, or raw bytes that are not UTF-8; null when absent or not storable.</summary>
    private Content? Body(ReadOnlyMemory<byte>? captured, bool cut)
    {
        if (captured is not { } memory)
        {
            return null;
        }

        var bytes = memory.Span;
        if (bytes.StartsWith(Utf8Bom))
        {
            bytes = bytes[Utf8Bom.Length..];
        }

        if (Decode(bytes, cut, out var used) is not { } text)
        {
            return new Content(null, memory.ToArray());
        }

        var start = text.AsSpan().TrimStart();
        if (start.Length > 0 && start[0] is '{' or '[')
        {
            if (!JsonBodyRedactor.TryRedact(bytes[..used], cut, _fields, out var redacted))
            {
                return null;
            }

            return new Content(redacted is null ? text : Encoding.UTF8.GetString(redacted), null);
        }

        return TextBodyRedactor.Redact(text, _fields) is { } scanned ? new Content(scanned, null) : null;
    }

    /// <summary>The text of strict UTF-8; when the capture was cut, a sequence the cut split at the end is dropped.</summary>
    private static string? Decode(ReadOnlySpan<byte> bytes, bool cut, out int used)
    {
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out used, out var written, replaceInvalidSequences: false, isFinalBlock: !cut);
        return status == OperationStatus.Done || (cut && status == OperationStatus.NeedMoreData) ? new string(chars, 0, written) : null;
    }

    private sealed record Content(string? Text, byte[]? Raw)
    {
        public string Base64() => Convert.ToBase64String(Raw ?? Encoding.UTF8.GetBytes(Text!));
    }
}
