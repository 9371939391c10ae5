using System.Text.Json;

namespace Periscope.Functions.Invoke;

/// <summary>
/// The body of <c>POST /api/operations/{operationKey}/invoke</c>: <c>{"path": {…}, "query": {…}, "headers": {…},
/// "body": any}</c>, each part optional. A JSON <c>null</c> counts as not given.
/// </summary>
internal sealed record OperationCallInput(JsonElement? Path, JsonElement? Query, JsonElement? Headers, JsonElement? Body)
{
    public static readonly string[] Parts = ["path", "query", "headers", "body"];

    /// <summary>The input, or the problems with its shape keyed like the validation errors.</summary>
    public static OperationCallInput? Read(JsonElement root, Dictionary<string, List<string>> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(string.Empty, ["The body must be a JSON object: {\"path\": {…}, \"query\": {…}, \"headers\": {…}, \"body\": …}."]);
            return null;
        }

        foreach (var property in root.EnumerateObject().Where(property => !Parts.Contains(property.Name, StringComparer.Ordinal)))
        {
            errors.Add(property.Name, [$"Not one of {string.Join(", ", Parts)}."]);
        }

        var input = new OperationCallInput(Part(root, "path", errors), Part(root, "query", errors), Part(root, "headers", errors), Given(root, "body"));
        return errors.Count == 0 ? input : null;
    }

    private static JsonElement? Part(JsonElement root, string name, Dictionary<string, List<string>> errors)
    {
        if (Given(root, name) is not { } part)
        {
            return null;
        }

        if (part.ValueKind != JsonValueKind.Object)
        {
            errors.Add(name, ["Must be an object of parameter names to values."]);
            return null;
        }

        return part;
    }

    private static JsonElement? Given(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
