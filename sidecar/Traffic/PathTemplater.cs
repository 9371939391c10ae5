namespace Periscope.Sidecar.Traffic;

/// <summary>
/// Turns the path of a request no documented operation matches into a path template, so that
/// <c>/legacy/items/8812</c> and <c>/legacy/items/8813</c> are one inferred operation,
/// <c>/legacy/items/{id}</c>. Others call it endpoint inference (Datadog's tracers set
/// <c>http.endpoint</c> to <c>/users/{param:int}</c> when no route is known), path parameter inference
/// (Akita, docs.akita.software/docs/customize-path-parameters: <c>/post/{arg}</c>), or a heuristic route
/// (Grafana Beyla's routes decorator); <see cref="SegmentClassifier"/> has the rules used here.
/// </summary>
/// <remarks>
/// 1. The query is cut off, empty segments and a trailing slash are dropped, each segment is
///    percent-decoded (RFC 3986 §2.1) before it is classified.
/// 2. A value segment becomes <c>{id}</c>, <c>{uuid}</c>, <c>{hex}</c>, <c>{date}</c>, <c>{email}</c>,
///    <c>{token}</c> or <c>{value}</c>; a second one of a kind is numbered (<c>{id2}</c>), since
///    parameter names are unique within a path (OpenAPI 3.1 §4.8.12.1).
/// 3. Words are kept, decoded. Past <c>maxSegments</c> segments the rest is folded into <c>/{rest}</c>,
///    so a template is never longer than <see cref="MaxLength"/> and its count per first segments is bounded.
/// Templating writes into a caller's buffer and allocates nothing.
/// </remarks>
internal sealed class PathTemplater
{
    public const int DefaultMaxSegments = 8;
    public const int DefaultMaxSegmentLength = 64;

    private const string Rest = "/{rest}";

    /// <summary>The longest placeholder with its number, <c>{email99}</c>.</summary>
    private const int LongestPlaceholder = 9;

    private static readonly string[] Names = ["", "id", "uuid", "hex", "date", "email", "token", "value"];

    private readonly int maxSegments;
    private readonly int maxSegmentLength;

    public PathTemplater(int maxSegments = DefaultMaxSegments, int maxSegmentLength = DefaultMaxSegmentLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSegments, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxSegments, 32);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSegmentLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxSegmentLength, 256);
        this.maxSegments = maxSegments;
        this.maxSegmentLength = maxSegmentLength;
        MaxLength = (maxSegments * (1 + Math.Max(maxSegmentLength, LongestPlaceholder))) + Rest.Length;
    }

    /// <summary>The most characters <see cref="Write"/> writes.</summary>
    public int MaxLength { get; }

    /// <summary>The template of <paramref name="path"/>, e.g. <c>/orders/{id}/lines</c>.</summary>
    public string Template(ReadOnlySpan<char> path)
    {
        var buffer = MaxLength <= 1024 ? stackalloc char[MaxLength] : new char[MaxLength];
        return buffer[..Write(path, buffer)].ToString();
    }

    /// <summary>Writes the template of <paramref name="path"/> (raw or decoded) and returns its length.</summary>
    /// <param name="destination">At least <see cref="MaxLength"/> long.</param>
    public int Write(ReadOnlySpan<char> path, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, MaxLength, nameof(destination));

        // 1.
        var query = path.IndexOfAny('?', '#');
        if (query >= 0)
        {
            path = path[..query];
        }

        Span<int> numbers = stackalloc int[Names.Length];
        Span<char> decoded = stackalloc char[maxSegmentLength];
        int written = 0, kept = 0;
        foreach (var range in path.Split('/'))
        {
            var raw = path[range];
            if (raw.IsEmpty)
            {
                continue;
            }

            // 3.
            if (kept == maxSegments)
            {
                Rest.CopyTo(destination[written..]);
                written += Rest.Length;
                break;
            }

            kept++;
            destination[written++] = '/';

            // Decoding never lengthens a segment: one too long encoded may still fit decoded.
            var segment = raw.Length <= maxSegmentLength || raw.Contains('%') ? Decode(raw, decoded) : raw;
            var kind = SegmentClassifier.Classify(segment, maxSegmentLength);
            if (kind == SegmentKind.Word)
            {
                segment.CopyTo(destination[written..]);
                written += segment.Length;
                continue;
            }

            // 2.
            var name = Names[(int)kind];
            var number = ++numbers[(int)kind];
            destination[written++] = '{';
            name.CopyTo(destination[written..]);
            written += name.Length;
            if (number > 1)
            {
                number.TryFormat(destination[written..], out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
                written += digits;
            }

            destination[written++] = '}';
        }

        if (written == 0)
        {
            destination[written++] = '/';
        }

        return written;
    }

    /// <summary>The method an inferred operation is recorded under: itself when RFC 9110 defines it (or PATCH), else <c>OTHER</c>.</summary>
    public static string NormalizeMethod(string method) => RequestMethods.Normalize(method);

    /// <summary>The decoded segment, or the raw one when it is too long to decode into the buffer (it is a value then anyway).</summary>
    private static ReadOnlySpan<char> Decode(ReadOnlySpan<char> raw, Span<char> buffer)
    {
        if (!raw.Contains('%'))
        {
            return raw;
        }

        return Uri.TryUnescapeDataString(raw, buffer, out var length) ? buffer[..length] : raw;
    }
}
