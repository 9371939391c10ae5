using System.Buffers;

namespace Periscope.JsonSchema.Compilation;

/// <summary>
/// Resolves <c>$id</c> and <c>$ref</c> values against the current base URI (Core 2020-12 §8.2.1, RFC 3986 §5)
/// into a resource URI without fragment, and the fragment.
/// </summary>
internal static class SchemaUri
{
    /// <summary>The base of a schema without <c>$id</c>; it never leaves this process.</summary>
    public static readonly Uri DefaultBase = new("https://periscope.invalid/schema.json");

    private static readonly SearchValues<char> SchemeCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    public static (string Resource, string Fragment) Resolve(Uri baseUri, string reference, string where)
    {
        if (reference.StartsWith('#'))
        {
            return (KeyOf(baseUri), reference[1..]);
        }

        // Only a reference with a scheme is absolute (RFC 3986 §4.3); System.Uri would also take "/a.json" as
        // an absolute file path on Unix.
        var target = HasScheme(reference) && Uri.TryCreate(reference, UriKind.Absolute, out var absolute) ? absolute : null;
        if (target is null && !Uri.TryCreate(baseUri, reference, out target))
        {
            throw new JsonSchemaException($"\"{reference}\" at {where} is not a URI reference.");
        }

        var text = target.AbsoluteUri;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (text, string.Empty) : (text[..hash], text[(hash + 1)..]);
    }

    /// <summary>The new base URI an <c>$id</c> sets; its empty fragment, if any, is dropped (Core 2020-12 §8.2.1).</summary>
    public static Uri WithId(Uri baseUri, string id, string where)
    {
        var (resource, _) = Resolve(baseUri, id, where);
        return new Uri(resource);
    }

    // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), followed by ":".
    private static bool HasScheme(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && char.IsAsciiLetter(reference[0])
            && reference.AsSpan(1, colon - 1).IndexOfAnyExcept(SchemeCharacters) < 0;
    }

    public static string KeyOf(Uri uri)
    {
        var text = uri.AbsoluteUri;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? text : text[..hash];
    }
}
