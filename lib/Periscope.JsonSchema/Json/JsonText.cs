using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Periscope.JsonSchema.Json;

/// <summary>Text helpers: lengths as JSON Schema counts them, and short renderings of schema values for messages.</summary>
internal static class JsonText
{
    private const int MaxShownLength = 60;

    // Messages are read by people, many of them in Chinese: only what JSON requires is escaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The length in Unicode code points, as <c>minLength</c> and <c>maxLength</c> count (Validation 2020-12
    /// §6.3.1 refers to RFC 8259's characters): a surrogate pair is one character.
    /// </summary>
    public static int CodePointLength(string text)
    {
        var length = text.Length;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                length--;
                i++;
            }
        }

        return length;
    }

    /// <summary>The value as compact JSON, cut short if long.</summary>
    public static string Show(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            value.WriteTo(writer);
        }

        var raw = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return raw.Length <= MaxShownLength ? raw : string.Concat(raw.AsSpan(0, MaxShownLength - 1), "…");
    }

    /// <summary>Values joined for a message: <c>"a", "b"</c>, at most <paramref name="limit"/> of them.</summary>
    public static string ShowList(IReadOnlyList<JsonElement> values, int limit = 10)
    {
        var text = new StringBuilder();
        for (var i = 0; i < values.Count && i < limit; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(Show(values[i]));
        }

        if (values.Count > limit)
        {
            text.Append(", … (").Append(values.Count - limit).Append(" more)");
        }

        return text.ToString();
    }
}
