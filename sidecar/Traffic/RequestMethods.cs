namespace Periscope.Sidecar.Traffic;

/// <summary>
/// HTTP methods as small indexes, so per-method tables are arrays. The first eight are the operations an
/// OpenAPI path item can hold (OpenAPI 3.1 §4.8.9: get, put, post, delete, options, head, patch, trace);
/// CONNECT completes RFC 9110 §9.3; any other method is <see cref="Other"/>, so a client inventing
/// methods cannot add label values or operations.
/// </summary>
internal static class RequestMethods
{
    public const int Get = 0;
    public const int Head = 5;
    public const int Connect = 8;
    public const int Other = 9;

    /// <summary>Methods with an index below this one can be documented.</summary>
    public const int DocumentedCount = 8;

    public const int Count = 10;

    private static readonly string[] Names = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "CONNECT", "OTHER"];

    /// <summary>
    /// The index of a request's method. Methods are case-sensitive (RFC 9110 §9.1), so <c>get</c> is not
    /// GET but an unknown method.
    /// </summary>
    public static int IndexOf(string method) => method switch
    {
        "GET" => 0,
        "PUT" => 1,
        "POST" => 2,
        "DELETE" => 3,
        "OPTIONS" => 4,
        "HEAD" => 5,
        "PATCH" => 6,
        "TRACE" => 7,
        "CONNECT" => 8,
        _ => Other,
    };

    /// <summary>The index of an OpenAPI path item's field name (<c>get</c>, …), or -1 for any other field.</summary>
    public static int IndexOfField(string fieldName)
    {
        // Field names are case-sensitive and lower-case in the specification; an upper-case one is a
        // mistake an app's generator can make, and still names the method it means.
        for (var i = 0; i < DocumentedCount; i++)
        {
            if (string.Equals(fieldName, Names[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The upper-case name of a method index; <c>OTHER</c> for unknown methods.</summary>
    public static string NameOf(int index) => Names[index];

    /// <summary>The method as recorded: itself when known, else <c>OTHER</c>.</summary>
    public static string Normalize(string method) => Names[IndexOf(method)];
}
