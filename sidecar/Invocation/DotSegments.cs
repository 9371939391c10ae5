namespace Periscope.Sidecar.Invocation;

/// <summary>
/// Removes <c>.</c> and <c>..</c> segments from an escaped path (RFC 3986 §5.2.4), counting their
/// percent-encoded spellings (<c>%2E</c>) as the same (RFC 3986 §6.2.2.2), so an invoked path never
/// climbs above the target's root and reaches it in the form its router would see anyway.
/// </summary>
internal static class DotSegments
{
    /// <summary><paramref name="path"/> starts with '/'; the result does too, and is the same string when nothing changes.</summary>
    public static string Remove(string path)
    {
        if (!path.Contains("/.", StringComparison.Ordinal) && !path.Contains("/%2", StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

        var segments = path[1..].Split('/');
        var output = new List<string>(segments.Length);
        var changed = false;
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            switch (DotKind(segments[i]))
            {
                case 1:
                    changed = true;
                    break;
                case 2:
                    changed = true;
                    if (output.Count > 0)
                    {
                        output.RemoveAt(output.Count - 1);
                    }

                    break;
                default:
                    output.Add(segments[i]);
                    continue;
            }

            // "/a/." and "/a/b/.." keep their trailing slash: the result names a directory (§5.2.4 step 2B/2C).
            if (last)
            {
                output.Add("");
            }
        }

        return changed ? "/" + string.Join('/', output) : path;
    }

    /// <summary>1 for a "." segment, 2 for "..", else 0.</summary>
    private static int DotKind(string segment)
    {
        if (segment.Length is 0 or > 6)
        {
            return 0;
        }

        var decoded = segment.Replace("%2E", ".", StringComparison.OrdinalIgnoreCase);
        return decoded switch
        {
            "." => 1,
            ".." => 2,
            _ => 0,
        };
    }
}
