namespace Periscope.Sidecar.Traffic;

/// <summary>Status classes (RFC 9110 §15) as indexes 0–4 for <c>1xx</c> … <c>5xx</c>.</summary>
internal static class StatusClasses
{
    public const int Count = 5;

    private static readonly string[] Names = ["1xx", "2xx", "3xx", "4xx", "5xx"];

    /// <summary>
    /// The class of a status code. Codes outside 100–599 have no class in RFC 9110; an app can still send
    /// one (HttpClient takes any three digits), so below 200 counts as 1xx and from 600 as 5xx, which
    /// keeps every request counted in a class the catalog accepts.
    /// </summary>
    public static int IndexOf(int statusCode) => Math.Clamp(statusCode / 100, 1, 5) - 1;

    public static string NameOf(int index) => Names[index];

    /// <summary>Errors are 5xx answers, the sidecar's own 502/504 included (OperationTraffic.Errors).</summary>
    public static bool IsError(int statusCode) => statusCode >= 500;
}
