using System.Buffers;
using System.Text;
using Periscope.Forwarding;

namespace Periscope.Sidecar.Traffic;

/// <summary>
/// The operations of the app's OpenAPI document, and which of them a request is: method, then path
/// matched against the document's path templates with <see cref="PathTrieNode"/>.
/// </summary>
/// <remarks>
/// Matching rules:
/// 1. the path is the request target's path (a query is cut off), percent-decoded segment by segment
///    (RFC 3986 §2.1; a decoded <c>%2F</c> stays inside its segment) and compared case-sensitively
///    (RFC 3986 §6.2.2.1: the path is case-sensitive);
/// 2. the document's path prefix (<see cref="PathPrefix"/>) is removed when the path starts with it;
///    a path without it is matched as it is, for apps behind a gateway that strips it;
/// 3. one trailing slash is ignored on both sides (<c>/orders/</c> is <c>/orders</c>);
/// 4. concrete segments win over templated ones (<see cref="PathTrieNode"/>);
/// 5. HEAD falls back to GET when the document has no HEAD there, as servers answer HEAD with GET's
///    handler (RFC 9110 §9.3.2).
/// Matching allocates nothing unless the path holds percent-encoding longer than a stack buffer.
/// </remarks>
internal sealed class OperationTable
{
    /// <summary>Longer path templates are left out: the catalog refuses them in a traffic summary.</summary>
    public const int MaxPathTemplateLength = 2048;

    /// <summary>Deeper path templates (and prefixes) are left out, so a request's segments always fit on the stack.</summary>
    public const int MaxDepth = 64;

    private const int StackBufferLength = 512;

    private readonly PathTrieNode root = new();
    private readonly string[] prefixSegments;
    private readonly int depth;

    private OperationTable(DocumentOutline outline, string? problem)
    {
        Problem = problem;
        prefixSegments = outline.PathPrefix.Length == 0
            ? []
            : [.. outline.PathPrefix[1..].Split('/').Select(Uri.UnescapeDataString)];
        if (prefixSegments.Length > MaxDepth)
        {
            prefixSegments = [];
        }

        PathPrefix = prefixSegments.Length == 0 ? string.Empty : outline.PathPrefix;

        var operations = new List<DocumentedOperation>(outline.Operations.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (method, path, operationId) in outline.Operations)
        {
            var segments = TemplateSegments(path);
            if (path.Length > MaxPathTemplateLength || segments.Length > MaxDepth || !keys.Add(method + " " + path))
            {
                continue;
            }

            var operation = new DocumentedOperation(method, path, operationId, operations.Count);
            operations.Add(operation);
            var node = root;
            foreach (var segment in segments)
            {
                node = node.Child(segment);
            }

            // OpenAPI 3.1 §4.8.8: templates differing only in variable names "MUST NOT exist"; when they
            // do, the first one gets the requests and the other stays unused.
            node.TryAdd(operation, RequestMethods.IndexOfField(method));
            depth = Math.Max(depth, segments.Length);
        }

        root.Freeze();
        Operations = operations;
    }

    /// <summary>A table without operations: every request is inferred.</summary>
    public static OperationTable Empty { get; } = new(new DocumentOutline(string.Empty, []), problem: null);

    /// <summary>In document order; <see cref="DocumentedOperation.Index"/> is the position here.</summary>
    public IReadOnlyList<DocumentedOperation> Operations { get; }

    /// <summary>The path requests carry before the <c>paths</c> keys (<see cref="ServerPrefix"/>), e.g. <c>/api/v3</c>; empty for none.</summary>
    public string PathPrefix { get; }

    /// <summary>Why the document gave no table, when it could not be read; null otherwise.</summary>
    public string? Problem { get; }

    /// <summary>
    /// The table of a Swagger 2.0 or OpenAPI 3.x document in JSON or YAML. Never throws: a document that
    /// cannot be read gives an empty table with a <see cref="Problem"/>.
    /// </summary>
    /// <param name="content">The document text.</param>
    /// <param name="contentType">As the app served it, for the problem text only: the text itself decides
    /// between JSON and YAML, as <see cref="Discovery.OpenApiSniffer"/> does, since apps label YAML
    /// <c>text/plain</c> and worse.</param>
    public static OperationTable Parse(string? content, string? contentType)
    {
        var text = (content ?? string.Empty).AsSpan().TrimStart("\uFEFF \t\r\n");
        if (text.IsEmpty)
        {
            return new(new DocumentOutline(string.Empty, []), "the document is empty");
        }

        try
        {
            var outline = text[0] == '{' ? ReadJson(text) : YamlOutlineReader.Read(content!);
            return outline is null
                ? new(new DocumentOutline(string.Empty, []), "the document has no top-level openapi or swagger field")
                : new(outline, problem: null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever the app serves, the sidecar keeps forwarding: its traffic is then all inferred.
            return new(new DocumentOutline(string.Empty, []), $"the {contentType ?? "untyped"} document could not be read: {e.Message}");
        }
    }

    /// <summary>The documented operation a request is, or null.</summary>
    /// <param name="method">The request method as received (case-sensitive).</param>
    /// <param name="path">The request target's path, raw or decoded; a query after <c>?</c> is ignored.</param>
    public DocumentedOperation? Match(string method, string path)
    {
        var methodIndex = RequestMethods.IndexOf(method);
        if (Operations.Count == 0 || methodIndex >= RequestMethods.DocumentedCount)
        {
            return null;
        }

        var span = PathOnly(path);
        if (span.IsEmpty || span[0] != '/')
        {
            return null;
        }

        // 3.
        if (span.Length > 1 && span[^1] == '/')
        {
            span = span[..^1];
        }

        var count = span.Length == 1 ? 0 : span.Count('/');
        if (count > prefixSegments.Length + depth)
        {
            return null;
        }

        Span<Range> segments = stackalloc Range[count];

        // 1.
        if (span.Contains('%'))
        {
            return MatchDecoded(span, segments, methodIndex);
        }

        Split(span, segments);
        return Find(span, segments, methodIndex);
    }

    /// <summary>The path without <see cref="PathPrefix"/> when it starts with it (compared as written), else the path.</summary>
    public ReadOnlySpan<char> WithoutPrefix(ReadOnlySpan<char> path)
    {
        if (PathPrefix.Length == 0 || !path.StartsWith(PathPrefix, StringComparison.Ordinal))
        {
            return path;
        }

        var rest = path[PathPrefix.Length..];
        return rest.IsEmpty || rest[0] is '?' ? "/" : rest[0] == '/' ? rest : path;
    }

    private DocumentedOperation? MatchDecoded(ReadOnlySpan<char> path, Span<Range> segments, int methodIndex)
    {
        char[]? rented = null;
        var buffer = path.Length <= StackBufferLength
            ? stackalloc char[StackBufferLength]
            : rented = ArrayPool<char>.Shared.Rent(path.Length);
        try
        {
            return Find(Decode(path, buffer, segments), segments, methodIndex);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private DocumentedOperation? Find(ReadOnlySpan<char> text, ReadOnlySpan<Range> segments, int methodIndex)
    {
        // 2.
        var rest = segments[PrefixLength(text, segments)..];

        // 4., 5.
        return root.Find(text, rest, methodIndex)
            ?? (methodIndex == RequestMethods.Head ? root.Find(text, rest, RequestMethods.Get) : null);
    }

    private static ReadOnlySpan<char> PathOnly(string path)
    {
        var span = path.AsSpan();
        var query = span.IndexOfAny('?', '#');
        return query >= 0 ? span[..query] : span;
    }

    private static string[] TemplateSegments(string path)
    {
        var trimmed = path.Length > 1 && path[^1] == '/' ? path[..^1] : path;
        return trimmed == "/" ? [] : trimmed[1..].Split('/');
    }

    private static void Split(ReadOnlySpan<char> path, Span<Range> segments)
    {
        var start = 1;
        for (var i = 0; i < segments.Length; i++)
        {
            var length = path[start..].IndexOf('/');
            var end = length < 0 ? path.Length : start + length;
            segments[i] = new Range(start, end);
            start = end + 1;
        }
    }

    private static ReadOnlySpan<char> Decode(ReadOnlySpan<char> path, Span<char> buffer, Span<Range> segments)
    {
        int start = 1, written = 0;
        for (var i = 0; i < segments.Length; i++)
        {
            var length = path[start..].IndexOf('/');
            var raw = length < 0 ? path[start..] : path.Slice(start, length);

            // Decoding never lengthens a segment, so the buffer (as long as the path) always has room.
            Uri.TryUnescapeDataString(raw, buffer[written..], out var decoded);
            segments[i] = new Range(written, written + decoded);
            written += decoded;
            start += raw.Length + 1;
        }

        return buffer[..written];
    }

    private int PrefixLength(ReadOnlySpan<char> text, ReadOnlySpan<Range> segments)
    {
        if (prefixSegments.Length == 0 || segments.Length < prefixSegments.Length)
        {
            return 0;
        }

        for (var i = 0; i < prefixSegments.Length; i++)
        {
            if (!text[segments[i]].SequenceEqual(prefixSegments[i]))
            {
                return 0;
            }
        }

        return prefixSegments.Length;
    }

    private static DocumentOutline? ReadJson(ReadOnlySpan<char> text)
    {
        // A plain array, not a pooled one: a pool would keep a document-sized buffer for the life of
        // the process, and the sidecar's memory budget is small (ARCHITECTURE.md: 25 MB RSS).
        var bytes = new byte[Encoding.UTF8.GetByteCount(text)];
        Encoding.UTF8.GetBytes(text, bytes);
        return JsonOutlineReader.Read(bytes);
    }
}
