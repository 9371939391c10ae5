namespace Periscope.Sidecar.Traffic;

/// <summary>What a path segment of an undocumented request looks like to <see cref="SegmentClassifier"/>.</summary>
internal enum SegmentKind
{
    /// <summary>A word, kept as it is: <c>orders</c>, <c>v2</c>, <c>user-profile</c>.</summary>
    Word,

    /// <summary>An integer, or digits with separators: <c>42</c>, <c>1.5</c>, <c>123-456</c>.</summary>
    Id,

    /// <summary>An RFC 9562 UUID in its 8-4-4-4-12 hex form.</summary>
    Uuid,

    /// <summary>Eight or more hex digits with at least one decimal digit: hashes, object ids.</summary>
    Hex,

    /// <summary>An RFC 3339 date (<c>2024-05-01</c>) or date-time.</summary>
    Date,

    /// <summary>Something shaped like an e-mail address.</summary>
    Email,

    /// <summary>A long letters-and-digits token: API keys, base64url ids, JWTs.</summary>
    Token,

    /// <summary>Anything else that is not a word: too long, or with characters words do not have.</summary>
    Value,
}
