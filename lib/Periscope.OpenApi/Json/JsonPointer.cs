using System.Text;
using System.Text.Json.Nodes;

namespace Periscope.OpenApi.Json;

/// <summary>RFC 6901 JSON pointers, and local <c>$ref</c> values, which are pointers in a URI fragment.</summary>
internal static class JsonPointer
{
    /// <summary>Escapes one reference token (RFC 6901 §3: '~' becomes "~0", '/' becomes "~1").</summary>
    public static string EscapeToken(string token) =>
        token.AsSpan().IndexOfAny('~', '/') < 0 ? token : token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Joins a parent pointer and one unescaped token.</summary>
    public static string Append(string pointer, string token) => pointer + "/" + EscapeToken(token);

    /// <summary>
    /// Finds the node a local reference such as <c>#/components/schemas/Pet</c> points to, or null when it is
    /// not a local reference or points nowhere. The fragment is percent-decoded first (RFC 6901 §6).
    /// </summary>
    public static JsonNode? ResolveLocalReference(JsonNode root, string reference, out bool found)
    {
        found = false;
        if (!reference.StartsWith('#'))
        {
            return null;
        }

        var pointer = Uri.UnescapeDataString(reference[1..]);
        if (pointer.Length == 0)
        {
            found = true;
            return root;
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        JsonNode? current = root;
        foreach (var rawToken in pointer[1..].Split('/'))
        {
            var token = UnescapeToken(rawToken);
            switch (current)
            {
                case JsonObject obj when obj.TryGetPropertyValue(token, out var child):
                    current = child;
                    break;
                case JsonArray array when int.TryParse(token, out var index) && index >= 0 && index < array.Count:
                    current = array[index];
                    break;
                default:
                    return null;
            }
        }

        found = true;
        return current;
    }

    /// <summary>The last token of a pointer or reference, unescaped: "Pet" for <c>#/components/schemas/Pet</c>.</summary>
    public static string LastToken(string reference)
    {
        var slash = reference.LastIndexOf('/');
        return UnescapeToken(Uri.UnescapeDataString(slash < 0 ? reference.TrimStart('#') : reference[(slash + 1)..]));
    }

    private static string UnescapeToken(string token)
    {
        if (!token.Contains('~', StringComparison.Ordinal))
        {
            return token;
        }

        var builder = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '~' && i + 1 < token.Length && token[i + 1] is '0' or '1')
            {
                builder.Append(token[i + 1] == '0' ? '~' : '/');
                i++;
            }
            else
            {
                builder.Append(token[i]);
            }
        }

        return builder.ToString();
    }
}
