using System.Text.Json.Nodes;
using Periscope.OpenApi.Json;
using Periscope.OpenApi.Reading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Periscope.OpenApi.Yaml;

/// <summary>Builds a JSON tree from YAML text, one parse event at a time.</summary>
/// <remarks>
/// <para>
/// Scalars are typed by <see cref="YamlCoreSchema"/>; mapping keys are always strings. Aliases are
/// resolved by copying the anchored node, and YAML 1.1 merge keys (<c>&lt;&lt;: *base</c>, yaml.org/type/merge.html)
/// are applied because OpenAPI authors use them with anchors.
/// </para>
/// <para>
/// Copying aliases can grow a small text exponentially (the "billion laughs" attack), so every node
/// created, copies included, is charged to a budget, and nesting is limited so that recursion stays
/// far from the end of the stack.
/// </para>
/// </remarks>
internal sealed class YamlJsonBuilder
{
    internal const int MaxDepth = 256;
    private const string MergeKey = "<<";

    private readonly Parser _parser;
    private readonly Dictionary<string, JsonNode?> _anchors = new(StringComparer.Ordinal);
    private readonly List<ParseDiagnostic> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private long _budget;
    private Mark _lastMark = Mark.Empty;

    private YamlJsonBuilder(string yaml, long nodeBudget, List<ParseDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        _parser = new Parser(new StringReader(yaml));
        _budget = nodeBudget;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Converts the first YAML document of <paramref name="yaml"/>; null when the text holds no document.</summary>
    /// <exception cref="SourceSyntaxException">The YAML is malformed or expands beyond <paramref name="nodeBudget"/> nodes.</exception>
    public static JsonNode? Build(string yaml, long nodeBudget, List<ParseDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var builder = new YamlJsonBuilder(yaml, nodeBudget, diagnostics, cancellationToken);
        return builder.ReadStream();
    }

    private JsonNode? ReadStream()
    {
        Expect<StreamStart>(Next());
        var first = Next();
        if (first is StreamEnd)
        {
            return null;
        }

        Expect<DocumentStart>(first);
        var root = ReadNode(Next(), 0);
        Expect<DocumentEnd>(Next());
        if (Next() is DocumentStart another)
        {
            _diagnostics.Add(ParseDiagnostic.WarningAt(
                $"line {another.Start.Line}: the text holds more than one YAML document; only the first is read."));
        }

        return root;
    }

    private JsonNode? ReadNode(ParsingEvent current, int depth)
    {
        if (depth > MaxDepth)
        {
            throw SourceSyntaxException.At(current.Start.Line, current.Start.Column, $"YAML nesting is deeper than {MaxDepth} levels.");
        }

        Charge(1, current);
        JsonNode? node = current switch
        {
            Scalar scalar => ReadScalar(scalar),
            SequenceStart => ReadSequence(depth),
            MappingStart => ReadMapping(depth),
            AnchorAlias alias => CopyOfAnchor(alias),
            _ => throw SourceSyntaxException.At(current.Start.Line, current.Start.Column, $"unexpected YAML event {current.GetType().Name}."),
        };

        if (current is NodeEvent { Anchor.IsEmpty: false } anchored )
        {
            _anchors[anchored.Anchor.Value] = node;
        }

        return node;
    }

    private static JsonNode? ReadScalar(Scalar scalar)
    {
        // "!" is the non-specific tag: YAML 1.2.2 §6.9.1 resolves such scalars to strings.
        if (scalar.Tag.IsNonSpecific)
        {
            return JsonValue.Create(scalar.Value);
        }

        if (!scalar.Tag.IsEmpty)
        {
            return YamlCoreSchema.ResolveTagged(scalar.Tag.Value, scalar.Value, scalar.Style == ScalarStyle.Plain);
        }

        return scalar.Style == ScalarStyle.Plain ? YamlCoreSchema.ResolvePlain(scalar.Value) : JsonValue.Create(scalar.Value);
    }

    private JsonArray ReadSequence(int depth)
    {
        var array = new JsonArray();
        for (var current = Next(); current is not SequenceEnd; current = Next())
        {
            array.Add(ReadNode(current, depth + 1));
        }

        return array;
    }

    private JsonObject ReadMapping(int depth)
    {
        var mapping = new JsonObject();
        List<JsonNode?>? merges = null;
        for (var current = Next(); current is not MappingEnd; current = Next())
        {
            var keyEvent = current;
            var key = ReadKey(keyEvent);
            var value = ReadNode(Next(), depth + 1);
            if (key is null)
            {
                (merges ??= []).Add(value);
            }
            else
            {
                if (mapping.ContainsKey(key))
                {
                    _diagnostics.Add(ParseDiagnostic.WarningAt(
                        $"line {keyEvent.Start.Line}, column {keyEvent.Start.Column}: duplicate key '{key}'; the last value wins."));
                }

                mapping[key] = value;
            }
        }

        if (merges is not null)
        {
            Merge(mapping, merges);
        }

        return mapping;
    }

    // Returns null for a merge key. Keys become strings whatever their YAML type ("200" stays "200");
    // complex keys (a mapping or sequence as a key) have no JSON form.
    private string? ReadKey(ParsingEvent keyEvent)
    {
        switch (keyEvent)
        {
            case Scalar { Style: ScalarStyle.Plain, Value: MergeKey } scalar when scalar.Tag.IsEmpty:
                return null;
            case Scalar scalar:
                Charge(1, scalar);
                return scalar.Value;
            case AnchorAlias alias when _anchors.TryGetValue(alias.Value.Value, out var anchored) && anchored is JsonValue value:
                return value.ToString();
            default:
                throw SourceSyntaxException.At(keyEvent.Start.Line, keyEvent.Start.Column, "a mapping key must be a scalar to be represented as JSON.");
        }
    }

    // yaml.org/type/merge.html: keys of the mapping itself win over merged keys, and earlier mappings in
    // a merge sequence win over later ones.
    private void Merge(JsonObject mapping, List<JsonNode?> merges)
    {
        foreach (var merge in merges)
        {
            IEnumerable<JsonNode?> sources = merge is JsonArray list ? list.ToArray() : [merge];
            foreach (var source in sources)
            {
                if (source is not JsonObject sourceMapping)
                {
                    throw SourceSyntaxException.At(_lastMark.Line, _lastMark.Column, "a merge key ('<<') must refer to a mapping or a sequence of mappings.");
                }

                foreach (var (key, value) in sourceMapping.ToArray())
                {
                    sourceMapping.Remove(key);
                    mapping.TryAdd(key, value);
                }
            }
        }
    }

    private JsonNode? CopyOfAnchor(AnchorAlias alias)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            throw SourceSyntaxException.At(alias.Start.Line, alias.Start.Column, $"alias '*{alias.Value.Value}' refers to no anchor defined before it.");
        }

        Charge(JsonTreeSize.Count(anchored), alias);
        return anchored?.DeepClone();
    }

    private void Charge(long nodes, ParsingEvent at)
    {
        _budget -= nodes;
        if (_budget < 0)
        {
            throw SourceSyntaxException.At(at.Start.Line, at.Start.Column,
                "the YAML expands to too many nodes (aliases copied too often); refusing to expand it.");
        }
    }

    private ParsingEvent Next()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        try
        {
            if (!_parser.MoveNext())
            {
                throw SourceSyntaxException.At(_lastMark.Line, _lastMark.Column, "unexpected end of the YAML text.");
            }
        }
        catch (YamlException exception)
        {
            throw SourceSyntaxException.At(exception.Start.Line, exception.Start.Column, exception.Message, exception);
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner throws this, without a position, for some malformed input; the last good
            // event is the best position we have.
            throw SourceSyntaxException.At(_lastMark.Line, _lastMark.Column, "malformed YAML after this point.", exception);
        }

        _lastMark = _parser.Current!.End;
        return _parser.Current;
    }

    private static void Expect<T>(ParsingEvent current)
        where T : ParsingEvent
    {
        if (current is not T)
        {
            throw SourceSyntaxException.At(current.Start.Line, current.Start.Column, $"expected {typeof(T).Name} but found {current.GetType().Name}.");
        }
    }
}
