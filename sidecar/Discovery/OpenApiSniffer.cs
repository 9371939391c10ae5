using System.Text.Json;

namespace Periscope.Sidecar.Discovery;

/// <summary>
/// Tells an OpenAPI or Swagger document from anything else an app may answer 200 with (a SPA's
/// index.html for every path, a health page) without parsing it: the document's root object must have
/// an <c>openapi</c> (OpenAPI 3.x §4.8.1) or <c>swagger</c> (Swagger 2.0) field. The catalog parses it.
/// </summary>
internal static class OpenApiSniffer
{
    public static bool LooksLikeOpenApi(ReadOnlySpan<byte> body)
    {
        var start = body.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            return false;
        }

        body = body[start..];
        return body[0] == (byte)'{' ? JsonHasVersionField(body) : YamlHasVersionField(body);
    }

    /// <summary>Reads the root object's property names, skipping their values, until a version field.</summary>
    private static bool JsonHasVersionField(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals("openapi"u8) || reader.ValueTextEquals("swagger"u8);
                reader.Read();
                if (isVersion)
                {
                    return reader.TokenType == JsonTokenType.String;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON after all (or cut short before the version field): not a document.
        }

        return false;
    }

    /// <summary>
    /// A top-level key sits at column 0: YAML 1.2 §6.1 makes block content of a nested node indented,
    /// so no nested key or block scalar line can start there.
    /// </summary>
    private static bool YamlHasVersionField(ReadOnlySpan<byte> body)
    {
        foreach (var line in body.Split((byte)'\n'))
        {
            var text = body[line];
            if (IsVersionKey(text, "openapi"u8) || IsVersionKey(text, "swagger"u8))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsVersionKey(ReadOnlySpan<byte> line, ReadOnlySpan<byte> key)
    {
        var quote = line.Length > 0 && line[0] is (byte)'"' or (byte)'\'' ? line[0] : (byte)0;
        if (quote != 0)
        {
            line = line[1..];
        }

        if (!line.StartsWith(key))
        {
            return false;
        }

        line = line[key.Length..];
        if (quote != 0)
        {
            if (line.IsEmpty || line[0] != quote)
            {
                return false;
            }

            line = line[1..];
        }

        // "openapi: 3.1.0": the colon, a space, and a value on the same line.
        if (line.Length < 2 || line[0] != (byte)':' || line[1] is not ((byte)' ' or (byte)'\t'))
        {
            return false;
        }

        var value = line[2..].Trim(" \t\r"u8);
        return !value.IsEmpty && value[0] != (byte)'#';
    }
}
