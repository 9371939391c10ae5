using System.Text.Json;
using Periscope.JsonSchema.Evaluation;
using Periscope.JsonSchema.Keywords;

namespace Periscope.JsonSchema.Compilation;

/// <summary>Compiles a schema document into linked <see cref="SchemaNode"/>s.</summary>
/// <remarks>
/// <list type="number">
/// <item>Every subschema reachable through a known keyword is compiled once, keyed by its JSON Pointer, and its
/// <c>$id</c>, <c>$anchor</c> and <c>$dynamicAnchor</c> are recorded (Core 2020-12 §8.2.1–8.2.2). Values of
/// other keywords (<c>enum</c>, <c>const</c>, <c>examples</c>, extensions) are data, never schemas.</item>
/// <item>Then each <c>$ref</c> is resolved against the base URI where it stands and linked to its target; a
/// target under an unknown keyword is compiled on demand (Core §9.4.2), which may add references to link.</item>
/// </list>
/// </remarks>
internal sealed partial class SchemaCompiler
{
    private static readonly string[] Markers = ["x-periscope-cycle", "x-periscope-unresolved", "x-periscope-truncated"];

    private readonly JsonElement _document;
    private readonly JsonSchemaOptions _options;
    private readonly RegexCache _regexes;
    private readonly Dictionary<string, SchemaNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (JsonElement Element, string Pointer, Uri Base)> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _anchors = new(StringComparer.Ordinal);
    private readonly Queue<(RefKeyword Keyword, Uri Base, string Pointer)> _unlinked = new();

    private SchemaCompiler(JsonElement document, JsonSchemaOptions options)
    {
        _document = document;
        _options = options;
        _regexes = new RegexCache(options.RegexMatchTimeout);
    }

    public static SchemaNode Compile(JsonElement schema, JsonSchemaOptions options)
    {
        // A clone owns its memory, so the caller may dispose its JsonDocument once this returns.
        var compiler = new SchemaCompiler(schema.Clone(), options);
        compiler._resources[SchemaUri.KeyOf(SchemaUri.DefaultBase)] = (compiler._document, string.Empty, SchemaUri.DefaultBase);
        var root = compiler.CompileAt(compiler._document, string.Empty, SchemaUri.DefaultBase);
        compiler.LinkReferences();
        return root;
    }

    private static string Where(string pointer) => $"#{pointer}";

    private SchemaNode CompileAt(JsonElement element, string pointer, Uri baseUri)
    {
        if (_nodes.TryGetValue(pointer, out var existing))
        {
            return existing;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                return _nodes[pointer] = new SchemaNode(pointer, element.ValueKind == JsonValueKind.True);
            case JsonValueKind.Object:
                var node = _nodes[pointer] = new SchemaNode(pointer);

                // The low-code view cuts recursion, unresolved references and size limits with these markers;
                // what was not expanded cannot be checked, so it accepts anything.
                if (Markers.Any(marker => element.TryGetProperty(marker, out _)))
                {
                    node.AcceptEverything();
                    return node;
                }

                baseUri = RegisterIdentifiers(element, pointer, baseUri);
                var keywords = CompileKeywords(element, pointer, baseUri, out var needsAnnotations);
                node.SetKeywords(keywords, needsAnnotations);
                return node;
            default:
                throw new JsonSchemaException($"The schema at {Where(pointer)} must be an object or a boolean, not {element.ValueKind}.");
        }
    }

    private Uri RegisterIdentifiers(JsonElement schema, string pointer, Uri baseUri)
    {
        if (schema.TryGetProperty("$id", out var id))
        {
            baseUri = SchemaUri.WithId(baseUri, RequireString(id, "$id", pointer), Where(pointer));
            _resources.TryAdd(SchemaUri.KeyOf(baseUri), (schema, pointer, baseUri));
        }

        foreach (var keyword in (ReadOnlySpan<string>)["$anchor", "$dynamicAnchor"])
        {
            if (schema.TryGetProperty(keyword, out var anchor))
            {
                _anchors.TryAdd($"{SchemaUri.KeyOf(baseUri)}#{RequireString(anchor, keyword, pointer)}", pointer);
            }
        }

        return baseUri;
    }

    private void LinkReferences()
    {
        while (_unlinked.TryDequeue(out var pending))
        {
            pending.Keyword.Link(Resolve(pending.Keyword.Reference, pending.Base, pending.Pointer));
        }
    }

    private SchemaNode Resolve(string reference, Uri baseUri, string pointer)
    {
        var (resource, fragment) = SchemaUri.Resolve(baseUri, reference, Where(pointer));
        if (fragment.Length > 0 && fragment[0] != '/')
        {
            var anchor = $"{resource}#{Uri.UnescapeDataString(fragment)}";
            return _anchors.TryGetValue(anchor, out var anchored)
                ? _nodes[anchored]
                : throw new JsonSchemaException($"The reference \"{reference}\" at {Where(pointer)} names no anchor in this schema.");
        }

        if (!_resources.TryGetValue(resource, out var root))
        {
            throw new JsonSchemaException(
                $"The reference \"{reference}\" at {Where(pointer)} points outside this schema; remote references are not supported.");
        }

        var tokens = JsonPointer.ParseFragment(fragment);
        if (!JsonPointer.TryNavigate(root.Element, tokens, out var target))
        {
            throw new JsonSchemaException($"The reference \"{reference}\" at {Where(pointer)} points nowhere.");
        }

        var targetPointer = root.Pointer + string.Concat(tokens.Select(token => "/" + JsonPointer.Escape(token)));
        return CompileAt(target, targetPointer, root.Base);
    }
}
