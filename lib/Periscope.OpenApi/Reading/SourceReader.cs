using System.Text.Json;
using System.Text.Json.Nodes;
using Periscope.OpenApi.Yaml;

namespace Periscope.OpenApi.Reading;

/// <summary>Reads JSON or YAML text into a JSON tree, reporting syntax errors with their line and column.</summary>
internal static class SourceReader
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        MaxDepth = YamlJsonBuilder.MaxDepth,

        // RFC 8259 §4: names "SHOULD be unique"; a document that repeats one is ambiguous, so say so.
        AllowDuplicateProperties = false,
    };

    /// <summary>Returns the root of the document.</summary>
    /// <exception cref="SourceSyntaxException">The text is not well-formed in the detected format.</exception>
    public static JsonNode? Read(string content, ContentFormat format, List<ParseDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var text = content.TrimStart('\uFEFF');
        return format == ContentFormat.Json
            ? ReadJson(text)
            : YamlJsonBuilder.Build(text, YamlNodeBudget(text), diagnostics, cancellationToken);
    }

    // A YAML text without aliases cannot make more nodes than it has characters; the slack lets ordinary
    // anchor reuse through while an alias bomb stops after a few million nodes.
    private static long YamlNodeBudget(string text) => 1_000_000L + (2L * text.Length);

    private static JsonNode? ReadJson(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: JsonOptions);
        }
        catch (JsonException exception)
        {
            // System.Text.Json appends " LineNumber: n | BytePositionInLine: m." to its messages, both
            // 0-based; the column is a byte offset in UTF-8, which equals the character column for ASCII.
            var message = exception.Message;
            var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (suffix >= 0)
            {
                message = message[..suffix];
            }

            if (exception.LineNumber is { } line)
            {
                throw SourceSyntaxException.At(line + 1, (exception.BytePositionInLine ?? 0) + 1, message, exception);
            }

            throw new SourceSyntaxException($"invalid JSON: {message}", exception);
        }
    }
}
