using System.Text.Json;
using Periscope.JsonSchema;

namespace Periscope.Functions.Invoke;

/// <summary>
/// Checks an operation call's input against the operation's low-code view before anything is sent, listing
/// every failure under a key that names the field: <c>path.id</c>, <c>query.limit</c>, <c>headers.X-Tenant</c>,
/// <c>body</c>, <c>body/items/0/name</c> (the body's failures by RFC 6901 pointer).
/// </summary>
/// <remarks>
/// 1. Every given parameter must be declared by the operation (header names compare case-insensitively,
///    RFC 9110 §5.1), every required one given, and each value valid against its schema.
/// 2. Path values must not hold a <c>.</c> or <c>..</c> piece between slashes, or control characters: even
///    percent-encoded, a hop that decodes them could climb out of the operation's path.
/// 3. Header values must be visible ASCII, spaces and tabs (RFC 9110 §5.5), and no header may be one the
///    gateway owns (hop-by-hop, <c>Host</c>, <c>Content-Length</c>, <c>dapr-*</c>, trace context).
/// 4. A body must be given when required, refused when the operation takes none, and valid against the
///    schema of its JSON media type; an operation without a JSON media type cannot take one here.
/// </remarks>
internal static class OperationCallValidator
{
    public static void Validate(OperationInputs inputs, OperationCallInput input, Dictionary<string, List<string>> errors)
    {
        // 1., 2.
        Parameters(inputs.Path, input.Path, "path", "path", StringComparer.Ordinal, errors, PathValueProblem);
        Parameters(inputs.Query, input.Query, "query", "query", StringComparer.Ordinal, errors, null);

        // 1., 3.
        Parameters(inputs.Headers, input.Headers, "headers", "header", StringComparer.OrdinalIgnoreCase, errors, HeaderProblem);

        // 4.
        Body(inputs.Body, input.Body, errors);
    }

    private static void Parameters(
        IReadOnlyList<InputParameter> declared,
        JsonElement? given,
        string part,
        string location,
        StringComparer names,
        Dictionary<string, List<string>> errors,
        Func<string, JsonElement, string?>? extraCheck)
    {
        var values = given?.EnumerateObject().Where(value => value.Value.ValueKind != JsonValueKind.Null).ToList() ?? [];
        foreach (var value in values)
        {
            var key = $"{part}.{value.Name}";
            var parameter = declared.FirstOrDefault(candidate => names.Equals(candidate.Name, value.Name));
            if (parameter is null)
            {
                Add(errors, key, $"Not a {location} parameter of this operation.");
                continue;
            }

            if (extraCheck?.Invoke(value.Name, value.Value) is { } problem)
            {
                Add(errors, key, problem);
                continue;
            }

            foreach (var error in parameter.Schema?.Validate(value.Value) ?? [])
            {
                Add(errors, key + error.InstancePath, error.Message);
            }
        }

        foreach (var parameter in declared.Where(parameter => parameter.Required && !values.Any(value => names.Equals(value.Name, parameter.Name))))
        {
            Add(errors, $"{part}.{parameter.Name}", "Required.");
        }
    }

    private static void Body(RequestBodyInput? declared, JsonElement? given, Dictionary<string, List<string>> errors)
    {
        if (given is not { } body)
        {
            if (declared?.Required == true)
            {
                Add(errors, "body", "Required.");
            }

            return;
        }

        if (declared is null)
        {
            Add(errors, "body", "This operation takes no request body.");
            return;
        }

        if (declared.MediaType is null)
        {
            Add(errors, "body", $"This operation takes {string.Join(", ", declared.MediaTypes)}; the low-code invoke sends JSON only. Invoke it by path instead.");
            return;
        }

        foreach (var error in declared.Schema?.Validate(body) ?? [])
        {
            Add(errors, "body" + error.InstancePath, error.Message);
        }
    }

    private static string? PathValueProblem(string name, JsonElement value)
    {
        foreach (var text in Texts(value))
        {
            if (text.Any(char.IsControl))
            {
                return "Must not hold control characters.";
            }

            if (text.Split('/', '\\').Any(piece => piece is "." or ".."))
            {
                return "Must not be, or hold between slashes, '.' or '..': it would climb out of the operation's path.";
            }
        }

        return ParameterSerializer.PathValue(value, explode: null).Length == 0 ? "Must not be empty: a path segment needs a value." : null;
    }

    private static string? HeaderProblem(string name, JsonElement value)
    {
        if (OutboundHeaders.IsGatewayOwned(name))
        {
            return "The gateway sets this header itself; it cannot be given.";
        }

        return Texts(value).Any(text => text.Any(c => c is (< ' ' and not '\t') or > '~'))
            ? "Must be visible ASCII, spaces and tabs (RFC 9110 §5.5)."
            : null;
    }

    private static IEnumerable<string> Texts(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(ParameterSerializer.Text),
        JsonValueKind.Object => value.EnumerateObject().SelectMany(property => new[] { property.Name, ParameterSerializer.Text(property.Value) }),
        _ => [ParameterSerializer.Text(value)],
    };

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        list.Add(message);
    }
}
