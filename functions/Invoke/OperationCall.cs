using System.Text;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Periscope.Functions.Invoke;

/// <summary>The HTTP request an operation call becomes, once its input is valid.</summary>
/// <param name="PathAndQuery">The app's path (server prefix, expanded template) and the serialised query.</param>
/// <param name="Headers">The declared header parameters given, and Content-Type when there is a body.</param>
/// <param name="Body">The JSON body's bytes as given; null for none.</param>
internal sealed record OperationCall(string PathAndQuery, List<KeyValuePair<string, StringValues>> Headers, byte[]? Body)
{
    /// <summary>
    /// Builds the request: the template expanded (RFC 6570 simple expansion), the query serialised in the
    /// declared parameters' order, header parameters with the operation's spelling of their names, and the
    /// body sent as the JSON the caller gave, labelled with the operation's JSON media type.
    /// </summary>
    public static OperationCall Build(OperationInputs inputs, string pathTemplate, string pathPrefix, OperationCallInput input)
    {
        var pathValues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in inputs.Path)
        {
            if (input.Path is { } given && given.TryGetProperty(parameter.Name, out var value))
            {
                pathValues[parameter.Name] = ParameterSerializer.PathValue(value, parameter.Explode);
            }
        }

        var query = new StringBuilder();
        foreach (var parameter in inputs.Query)
        {
            if (input.Query is { } given && given.TryGetProperty(parameter.Name, out var value) && value.ValueKind != System.Text.Json.JsonValueKind.Null)
            {
                ParameterSerializer.AppendQuery(query, parameter.Name, value, parameter.Style, parameter.Explode);
            }
        }

        var headers = new List<KeyValuePair<string, StringValues>>();
        foreach (var given in input.Headers?.EnumerateObject() ?? default)
        {
            if (given.Value.ValueKind != System.Text.Json.JsonValueKind.Null
                && inputs.Headers.FirstOrDefault(parameter => parameter.Name.Equals(given.Name, StringComparison.OrdinalIgnoreCase)) is { } declared)
            {
                headers.Add(new(declared.Name, ParameterSerializer.HeaderValue(given.Value, declared.Explode)));
            }
        }

        byte[]? body = null;
        if (input.Body is { } json && inputs.Body?.MediaType is { } mediaType)
        {
            body = Encoding.UTF8.GetBytes(json.GetRawText());
            headers.Add(new(HeaderNames.ContentType, mediaType));
        }

        var path = pathPrefix + PathTemplateExpander.Expand(pathTemplate, pathValues);
        return new OperationCall(query.Length == 0 ? path : $"{path}?{query}", headers, body);
    }
}
