using Periscope.Forwarding;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Periscope.Sidecar.Traffic;

/// <summary>
/// Reads a YAML document's outline from YamlDotNet's parse events, skipping everything else without
/// building a tree (YAML 1.2 §3.1.2, "Serialization": an event stream is enough for a forward reader).
/// </summary>
/// <remarks>
/// Anchors and aliases (YAML 1.2 §3.2.2.2) are followed where they stand for a path item or an
/// operation anchored earlier under <c>paths</c>, and a path item's merge key (<c>&lt;&lt;: *item</c>,
/// yaml.org/type/merge.html) adds the anchored item's operations. An alias to something anchored
/// elsewhere still counts for its method, without an operationId. Aliases are never expanded, so a
/// "billion laughs" document costs no more than its text.
/// </remarks>
internal sealed class YamlOutlineReader
{
    private const string MergeKey = "<<";

    /// <summary>
    /// Deeper nesting is refused, as Periscope.OpenApi's YAML reader does: YamlDotNet's scanner spends
    /// time in proportion to the nesting depth on every token, so a document of 200,000 opening
    /// brackets would otherwise take minutes to read.
    /// </summary>
    public const int MaxDepth = 256;

    private readonly IParser parser;
    private readonly Dictionary<string, List<OutlinedOperation>> pathItemAnchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> operationAnchors = new(StringComparer.Ordinal);

    private YamlOutlineReader(string yaml)
    {
        parser = new Parser(new StringReader(yaml));
    }

    /// <summary>The outline of the first document in <paramref name="yaml"/>, or null when its root has no <c>openapi</c> or <c>swagger</c> scalar.</summary>
    /// <exception cref="YamlException">The text is not YAML.</exception>
    public static DocumentOutline? Read(string yaml) => new YamlOutlineReader(yaml).ReadDocument();

    private DocumentOutline? ReadDocument()
    {
        parser.Consume<StreamStart>();
        if (!parser.TryConsume<DocumentStart>(out _) || !parser.TryConsume<MappingStart>(out _))
        {
            return null;
        }

        bool swagger = false, openApi = false;
        string? basePath = null, serverUrl = null;
        var operations = new List<OutlinedOperation>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            switch (ReadKey())
            {
                case "swagger":
                    swagger = ReadScalar() is not null;
                    break;
                case "openapi":
                    openApi = ReadScalar() is not null;
                    break;
                case "basePath":
                    basePath = ReadScalar();
                    break;
                case "servers":
                    serverUrl = ReadFirstServerUrl();
                    break;
                case "paths":
                    ReadPaths(operations);
                    break;
                default:
                    Skip();
                    break;
            }
        }

        if (!swagger && !openApi)
        {
            return null;
        }

        var prefix = openApi ? ServerPrefix.FromServerUrl(serverUrl) : ServerPrefix.FromBasePath(basePath);
        return new DocumentOutline(prefix, operations);
    }

    /// <summary>A scalar key's text; null (with the key skipped) for a complex key (YAML 1.2 §7.4.2).</summary>
    private string? ReadKey()
    {
        if (parser.TryConsume<Scalar>(out var key))
        {
            return key.Value;
        }

        Skip();
        return null;
    }

    /// <summary>Skips the current node (a scalar, an alias, or a whole mapping or sequence) and everything in it.</summary>
    /// <exception cref="YamlException">It nests deeper than <see cref="MaxDepth"/>.</exception>
    private void Skip()
    {
        var depth = 0;
        do
        {
            var current = parser.Consume<ParsingEvent>();
            depth += current.NestingIncrease;
            if (depth > MaxDepth)
            {
                throw new YamlException(current.Start, current.End, $"the YAML nests deeper than {MaxDepth} levels");
            }
        }
        while (depth > 0);
    }

    private string? ReadScalar()
    {
        if (parser.TryConsume<Scalar>(out var value))
        {
            return value.Value;
        }

        Skip();
        return null;
    }

    private string? ReadFirstServerUrl()
    {
        if (!parser.TryConsume<SequenceStart>(out _))
        {
            Skip();
            return null;
        }

        string? url = null;
        var first = true;
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            if (first && parser.TryConsume<MappingStart>(out _))
            {
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    if (ReadKey() == "url")
                    {
                        url = ReadScalar();
                    }
                    else
                    {
                        Skip();
                    }
                }
            }
            else
            {
                Skip();
            }

            first = false;
        }

        return url;
    }

    private void ReadPaths(List<OutlinedOperation> operations)
    {
        if (!parser.TryConsume<MappingStart>(out _))
        {
            Skip();
            return;
        }

        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var path = ReadKey();
            if (path is not ['/', ..])
            {
                Skip();
                continue;
            }

            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                AddAliasedPathItem(alias.Value.Value, path, operations);
            }
            else if (parser.TryConsume<MappingStart>(out var item))
            {
                var found = ReadPathItem(path);
                operations.AddRange(found);
                if (!item.Anchor.IsEmpty)
                {
                    pathItemAnchors[item.Anchor.Value] = found;
                }
            }
            else
            {
                Skip();
            }
        }
    }

    private List<OutlinedOperation> ReadPathItem(string path)
    {
        var found = new List<OutlinedOperation>();
        List<OutlinedOperation>? merged = null;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var field = ReadKey();
            if (field == MergeKey && parser.TryConsume<AnchorAlias>(out var mergedItem))
            {
                AddAliasedPathItem(mergedItem.Value.Value, path, merged ??= []);
                continue;
            }

            var method = field is null ? -1 : RequestMethods.IndexOfField(field);
            if (method < 0)
            {
                Skip();
                continue;
            }

            var name = RequestMethods.NameOf(method);
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                found.Add(new OutlinedOperation(name, path, operationAnchors.GetValueOrDefault(alias.Value.Value)));
            }
            else if (parser.TryConsume<MappingStart>(out var operation))
            {
                var operationId = ReadOperationId();
                found.Add(new OutlinedOperation(name, path, operationId));
                if (!operation.Anchor.IsEmpty)
                {
                    operationAnchors[operation.Anchor.Value] = operationId;
                }
            }
            else
            {
                Skip();
            }
        }

        if (merged is null)
        {
            return found;
        }

        // The mapping's own keys win over merged ones, wherever the merge key stands (yaml.org/type/merge.html).
        found.AddRange(merged);
        return found.DistinctBy(o => o.Method).ToList();
    }

    private string? ReadOperationId()
    {
        string? operationId = null;
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (ReadKey() == "operationId")
            {
                operationId = ReadScalar();
            }
            else
            {
                Skip();
            }
        }

        return operationId;
    }

    private void AddAliasedPathItem(string anchor, string path, List<OutlinedOperation> operations)
    {
        if (pathItemAnchors.TryGetValue(anchor, out var anchored))
        {
            foreach (var operation in anchored)
            {
                operations.Add(operation with { PathTemplate = path });
            }
        }
    }
}
