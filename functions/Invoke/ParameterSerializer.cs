using System.Text;
using System.Text.Json;

namespace Periscope.Functions.Invoke;

/// <summary>
/// Parameter values as OpenAPI 3.1 §4.8.12.4 (Style Values) serialises them, from their JSON form: path
/// parameters in <c>simple</c> style (RFC 6570 §3.2.2), query parameters in <c>form</c> style with
/// <c>explode</c> by default (RFC 6570 §3.2.8), or <c>spaceDelimited</c>, <c>pipeDelimited</c> and
/// <c>deepObject</c> when the view says so; header parameters in <c>simple</c> style.
/// </summary>
/// <remarks>
/// Every value is percent-encoded but for RFC 3986 unreserved characters (<see cref="Uri.EscapeDataString(string)"/>),
/// so a value can never add a path segment (<c>/</c> becomes <c>%2F</c>), start a query or end one
/// (<c>&amp;</c>, <c>=</c>, <c>#</c>). Header values are sent as they are (after validation refuses control characters).
/// </remarks>
internal static class ParameterSerializer
{
    /// <summary>A scalar's text: strings as they are, numbers as written, booleans in lower case, null empty.</summary>
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
        _ => value.GetRawText(),
    };

    /// <summary>A path parameter's expansion: <c>a,b</c> for arrays, <c>k,v</c> (or <c>k=v</c> exploded) for objects.</summary>
    public static string PathValue(JsonElement value, bool? explode) => Simple(value, explode ?? false, Encode);

    /// <summary>A header parameter's value (not percent-encoded).</summary>
    public static string HeaderValue(JsonElement value, bool? explode) => Simple(value, explode ?? false, static text => text);

    /// <summary>Appends one query parameter (<c>&amp;</c>-separated pairs, without the leading '?').</summary>
    public static void AppendQuery(StringBuilder query, string name, JsonElement value, string? style, bool? explode)
    {
        style ??= "form";
        var exploded = explode ?? style == "form";
        switch (value.ValueKind)
        {
            case JsonValueKind.Array when exploded && style != "deepObject":
                foreach (var item in value.EnumerateArray())
                {
                    Pair(query, name, Encode(Text(item)));
                }

                break;
            case JsonValueKind.Array:
                var separator = style switch { "spaceDelimited" => "%20", "pipeDelimited" => "%7C", _ => "," };
                Pair(query, name, string.Join(separator, value.EnumerateArray().Select(item => Encode(Text(item)))));
                break;
            case JsonValueKind.Object when style == "deepObject":
                foreach (var property in value.EnumerateObject())
                {
                    Pair(query, $"{name}[{property.Name}]", Encode(Text(property.Value)));
                }

                break;
            case JsonValueKind.Object when exploded:
                foreach (var property in value.EnumerateObject())
                {
                    Pair(query, property.Name, Encode(Text(property.Value)));
                }

                break;
            case JsonValueKind.Object:
                Pair(query, name, string.Join(',', value.EnumerateObject().SelectMany(property => new[] { Encode(property.Name), Encode(Text(property.Value)) })));
                break;
            default:
                Pair(query, name, Encode(Text(value)));
                break;
        }
    }

    private static void Pair(StringBuilder query, string name, string encodedValue)
    {
        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(Encode(name)).Append('=').Append(encodedValue);
    }

    private static string Simple(JsonElement value, bool explode, Func<string, string> encode) => value.ValueKind switch
    {
        JsonValueKind.Array => string.Join(',', value.EnumerateArray().Select(item => encode(Text(item)))),
        JsonValueKind.Object when explode => string.Join(',', value.EnumerateObject().Select(property => $"{encode(property.Name)}={encode(Text(property.Value))}")),
        JsonValueKind.Object => string.Join(',', value.EnumerateObject().SelectMany(property => new[] { encode(property.Name), encode(Text(property.Value)) })),
        _ => encode(Text(value)),
    };

    private static string Encode(string text) => Uri.EscapeDataString(text);
}
