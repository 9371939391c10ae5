using System.Text.Json;
using Periscope.JsonSchema;

namespace Periscope.Functions.Invoke;

/// <summary>
/// An operation's inputs compiled from its low-code view (<c>GET /api/operations/{key}</c>): each parameter's
/// JSON Schema by location, which are required, and the request body's JSON Schema and media type. Compiled
/// once per operation and document version (<see cref="ServiceOperations"/>).
/// </summary>
internal sealed class OperationInputs
{
    private OperationInputs(
        IReadOnlyList<InputParameter> path, IReadOnlyList<InputParameter> query, IReadOnlyList<InputParameter> headers, RequestBodyInput? body)
    {
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
    }

    public IReadOnlyList<InputParameter> Path { get; }

    public IReadOnlyList<InputParameter> Query { get; }

    public IReadOnlyList<InputParameter> Headers { get; }

    /// <summary>Null when the operation declares no request body.</summary>
    public RequestBodyInput? Body { get; }

    public static OperationInputs Compile(string lowCodeViewJson)
    {
        using var document = JsonDocument.Parse(lowCodeViewJson);
        var view = document.RootElement;
        var parameters = view.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        return new OperationInputs(
            Parameters(parameters, "path"),
            Parameters(parameters, "query"),
            Parameters(parameters, "header"),
            view.TryGetProperty("requestBody", out var body) && body.ValueKind == JsonValueKind.Object ? RequestBody(body) : null);
    }

    private static List<InputParameter> Parameters(JsonElement parameters, string location)
    {
        if (parameters.ValueKind != JsonValueKind.Object
            || !parameters.TryGetProperty(location, out var group)
            || !group.TryGetProperty("properties", out var properties)
            || properties.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var required = group.TryGetProperty("required", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(name => name.ValueKind == JsonValueKind.String).Select(name => name.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        return [.. properties.EnumerateObject().Select(property => new InputParameter(
            property.Name,
            location == "path" || required.Contains(property.Name),
            Compile(property.Value),
            property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("style", out var style) && style.ValueKind == JsonValueKind.String ? style.GetString() : null,
            property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("explode", out var explode) && explode.ValueKind is JsonValueKind.True or JsonValueKind.False ? explode.GetBoolean() : null))];
    }

    private static RequestBodyInput RequestBody(JsonElement body)
    {
        var required = body.TryGetProperty("required", out var flag) && flag.ValueKind == JsonValueKind.True;
        var content = body.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.Object ? c.EnumerateObject().ToList() : [];
        var json = content.FirstOrDefault(media => media.Name.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        if (json.Value.ValueKind == JsonValueKind.Undefined)
        {
            json = content.FirstOrDefault(media => IsJson(media.Name));
        }

        var mediaType = json.Value.ValueKind == JsonValueKind.Undefined ? null : json.Name;
        var schema = mediaType is not null && json.Value.ValueKind == JsonValueKind.Object && json.Value.TryGetProperty("schema", out var s) ? Compile(s) : null;
        return new RequestBodyInput(required, mediaType, [.. content.Select(media => media.Name)], schema);
    }

    /// <summary><c>application/json</c>, <c>*/*+json</c> (RFC 6839 §3.1) and <c>application/json; charset=…</c>.</summary>
    private static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    // A schema the validator cannot compile (the view keeps what the app wrote) validates nothing rather
    // than making the operation uncallable; the app still sees the call and answers for itself.
    private static JsonSchemaValidator? Compile(JsonElement schema)
    {
        try
        {
            return JsonSchemaValidator.Compile(schema);
        }
        catch (JsonSchemaException)
        {
            return null;
        }
    }
}
