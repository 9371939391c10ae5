using System.Text.Json;
using Periscope.Forwarding;

namespace Periscope.Sidecar.Traffic;

/// <summary>
/// Reads a JSON document's outline in one forward pass over its tokens, skipping everything else
/// (schemas, examples, descriptions) without building a tree: a 10 MB document costs its bytes once.
/// </summary>
internal static class JsonOutlineReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,

        // Skipping is not recursive, so deep schemas cost nothing; the default of 64 would refuse them.
        MaxDepth = 4096,
    };

    /// <summary>The outline, or null when the root is not an object with an <c>openapi</c> or <c>swagger</c> string.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static DocumentOutline? Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        bool swagger = false, openApi = false;
        string? basePath = null, serverUrl = null;
        var operations = new List<OutlinedOperation>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("swagger"u8))
            {
                swagger = ReadString(ref reader) is not null;
            }
            else if (reader.ValueTextEquals("openapi"u8))
            {
                openApi = ReadString(ref reader) is not null;
            }
            else if (reader.ValueTextEquals("basePath"u8))
            {
                basePath = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("servers"u8))
            {
                serverUrl = ReadFirstServerUrl(ref reader);
            }
            else if (reader.ValueTextEquals("paths"u8))
            {
                ReadPaths(ref reader, operations);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (!swagger && !openApi)
        {
            return null;
        }

        var prefix = openApi ? ServerPrefix.FromServerUrl(serverUrl) : ServerPrefix.FromBasePath(basePath);
        return new DocumentOutline(prefix, operations);
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    private static string? ReadFirstServerUrl(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        string? url = null;
        var first = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (first && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("url"u8))
                    {
                        url = ReadString(ref reader);
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }

            first = false;
        }

        return url;
    }

    private static void ReadPaths(ref Utf8JsonReader reader, List<OutlinedOperation> operations)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var path = reader.GetString()!;
            reader.Read();

            // Extensions (x-…) live beside the paths; only keys starting with a slash are paths.
            if (reader.TokenType == JsonTokenType.StartObject && path.StartsWith('/'))
            {
                ReadPathItem(ref reader, path, operations);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static void ReadPathItem(ref Utf8JsonReader reader, string path, List<OutlinedOperation> operations)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var method = RequestMethods.IndexOfField(reader.GetString()!);
            reader.Read();
            if (method < 0 || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            string? operationId = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("operationId"u8))
                {
                    operationId = ReadString(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            operations.Add(new OutlinedOperation(RequestMethods.NameOf(method), path, operationId));
        }
    }
}
