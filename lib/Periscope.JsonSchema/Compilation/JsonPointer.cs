using System.Globalization;
using System.Text.Json;

namespace Periscope.JsonSchema.Compilation;

/// <summary>RFC 6901 JSON Pointers over a <see cref="JsonElement"/>, as URI fragments (RFC 6901 §6).</summary>
internal static class JsonPointer
{
    public static string Escape(string token) =>
        token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>
    /// The reference tokens of a fragment such as <c>/$defs/a%25b/c~1d</c>: percent-escapes are decoded first,
    /// because the fragment is part of a URI (RFC 3986 §2.1), then "~1" and "~0" (RFC 6901 §4).
    /// </summary>
    public static string[] ParseFragment(string fragment)
    {
        var pointer = Uri.UnescapeDataString(fragment);
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new JsonSchemaException($"\"#{fragment}\" is neither a JSON Pointer nor an anchor name.");
        }

        return [.. pointer[1..].Split('/').Select(token => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    /// <summary>Follows <paramref name="tokens"/> from <paramref name="start"/>; false if any step is missing.</summary>
    public static bool TryNavigate(JsonElement start, IEnumerable<string> tokens, out JsonElement target)
    {
        target = start;
        foreach (var token in tokens)
        {
            if (target.ValueKind == JsonValueKind.Object && target.TryGetProperty(token, out var member))
            {
                target = member;
            }
            else if (target.ValueKind == JsonValueKind.Array && IsArrayIndex(token)
                && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < target.GetArrayLength())
            {
                target = target[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    // RFC 6901 §4: an array index is "0" or digits without a leading zero.
    private static bool IsArrayIndex(string token) =>
        token.Length > 0 && (token == "0" || token[0] != '0') && token.All(char.IsAsciiDigit);
}
