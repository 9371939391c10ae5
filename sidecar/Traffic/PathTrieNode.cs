namespace Periscope.Sidecar.Traffic;

/// <summary>
/// One segment position in the tree of a document's path templates. A request walks it segment by
/// segment, preferring at each step a literal segment, then a segment with literal text around
/// variables, then a whole-segment variable, and backing up when a branch leads nowhere: OpenAPI 3.1
/// §4.8.9.1 (Path Templating Matching) matches "concrete (non-templated) paths … before their
/// templated counterparts", and ASP.NET Core routing orders literal, complex and parameter segments
/// the same way (learn.microsoft.com/aspnet/core/fundamentals/routing, "URL matching").
/// </summary>
internal sealed class PathTrieNode
{
    private Dictionary<string, PathTrieNode>? literals;
    private Dictionary<string, PathTrieNode>.AlternateLookup<ReadOnlySpan<char>> literalLookup;
    private List<(SegmentPattern Pattern, PathTrieNode Node)>? patternList;
    private (SegmentPattern Pattern, PathTrieNode Node)[] patterns = [];
    private PathTrieNode? variable;
    private DocumentedOperation?[]? operations;

    /// <summary>The child for one segment of a template (as written in the document).</summary>
    public PathTrieNode Child(string templateSegment)
    {
        if (SegmentPattern.IsWholeVariable(templateSegment))
        {
            return variable ??= new PathTrieNode();
        }

        if (SegmentPattern.TryParse(templateSegment) is { } pattern)
        {
            patternList ??= [];
            foreach (var (existing, node) in patternList)
            {
                if (string.Equals(existing.Shape, pattern.Shape, StringComparison.Ordinal))
                {
                    return node;
                }
            }

            var created = new PathTrieNode();
            patternList.Add((pattern, created));
            return created;
        }

        if (literals is null)
        {
            literals = new Dictionary<string, PathTrieNode>(StringComparer.Ordinal);
            literalLookup = literals.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        var literal = Uri.UnescapeDataString(templateSegment);
        if (!literals.TryGetValue(literal, out var child))
        {
            child = new PathTrieNode();
            literals.Add(literal, child);
        }

        return child;
    }

    /// <summary>Sets the operation for a method here; false when one with the same shape came first.</summary>
    public bool TryAdd(DocumentedOperation operation, int method)
    {
        operations ??= new DocumentedOperation?[RequestMethods.DocumentedCount];
        if (operations[method] is not null)
        {
            return false;
        }

        operations[method] = operation;
        return true;
    }

    /// <summary>Orders patterns from most to least specific, here and below; call once, after the last add.</summary>
    public void Freeze()
    {
        if (patternList is not null)
        {
            patterns = [.. patternList.OrderByDescending(p => p.Pattern.LiteralLength).ThenBy(p => p.Pattern.Variables)];
            patternList = null;
        }

        foreach (var (_, node) in patterns)
        {
            node.Freeze();
        }

        if (literals is not null)
        {
            foreach (var child in literals.Values)
            {
                child.Freeze();
            }
        }

        variable?.Freeze();
    }

    /// <summary>The operation for <paramref name="method"/> at the end of <paramref name="segments"/> of <paramref name="text"/>, or null.</summary>
    public DocumentedOperation? Find(ReadOnlySpan<char> text, ReadOnlySpan<Range> segments, int method)
    {
        if (segments.IsEmpty)
        {
            return operations?[method];
        }

        var segment = text[segments[0]];
        var rest = segments[1..];
        if (literals is not null && literalLookup.TryGetValue(segment, out var literal) && literal.Find(text, rest, method) is { } exact)
        {
            return exact;
        }

        foreach (var (pattern, node) in patterns)
        {
            if (pattern.IsMatch(segment) && node.Find(text, rest, method) is { } templated)
            {
                return templated;
            }
        }

        // A variable takes a value: an empty segment ("//") is not one.
        return variable is not null && !segment.IsEmpty ? variable.Find(text, rest, method) : null;
    }
}
