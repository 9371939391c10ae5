using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Periscope.Functions.Calls;

/// <summary>
/// Redacts a JSON body by rewriting it token by token: the value of every property whose name is a secret
/// field, at any depth and inside arrays, becomes <c>"[redacted]"</c> whatever its type (a nested object or
/// array under <c>credentials</c> goes whole).
/// </summary>
/// <remarks>
/// A capture cut at the size limit is read as the first part of a document (<see cref="Utf8JsonReader"/>
/// with <c>isFinalBlock: false</c>): it is rewritten up to its last complete token, so a secret value the cut
/// went through is left out rather than half kept. A body that is not JSON, or not the start of a JSON
/// document when cut, is refused (<see cref="TryRedact"/> answers false) and its caller stores nothing of it.
/// </remarks>
internal static class JsonBodyRedactor
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The writer checks nothing: a cut document ends with its containers open.
        SkipValidation = true,
        // Stored for people to read: keep non-ASCII text (zh-CN) as it came, not as \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// False when <paramref name="utf8"/> is not JSON. Otherwise true, with <paramref name="redacted"/> the
    /// rewritten document, or null when nothing needed redacting (the body can be kept as it is).
    /// </summary>
    public static bool TryRedact(ReadOnlySpan<byte> utf8, bool cut, IReadOnlySet<string> fields, out byte[]? redacted)
    {
        redacted = null;
        var output = new ArrayBufferWriter<byte>(utf8.Length + 32);
        var changed = false;
        try
        {
            using var writer = new Utf8JsonWriter(output, WriterOptions);
            var reader = new Utf8JsonReader(utf8, isFinalBlock: !cut, state: default);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.GetString() is { } name && fields.Contains(name))
                {
                    writer.WriteString(name, CallRedaction.Placeholder);
                    changed = true;
                    // Past the value; when the cut falls inside it, nothing after it is left to keep.
                    if (!reader.Read() || !reader.TrySkip())
                    {
                        break;
                    }

                    continue;
                }

                Copy(ref reader, writer);
            }

            writer.Flush();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }

        redacted = changed ? output.WrittenSpan.ToArray() : null;
        return true;
    }

    private static void Copy(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                writer.WriteStartObject();
                break;
            case JsonTokenType.EndObject:
                writer.WriteEndObject();
                break;
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                break;
            case JsonTokenType.EndArray:
                writer.WriteEndArray();
                break;
            case JsonTokenType.PropertyName:
                writer.WritePropertyName(reader.GetString()!);
                break;
            case JsonTokenType.String:
                writer.WriteStringValue(reader.GetString());
                break;
            case JsonTokenType.Number:
                // As written: no rounding through double.
                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                break;
            case JsonTokenType.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonTokenType.False:
                writer.WriteBooleanValue(false);
                break;
            case JsonTokenType.Null:
                writer.WriteNullValue();
                break;
            default:
                throw new JsonException($"Unexpected token {reader.TokenType}.");
        }
    }
}
