namespace Periscope.Webhook.Injection;

/// <summary>RFC 6901 JSON Pointer tokens.</summary>
internal static class JsonPointer
{
    /// <summary>RFC 6901 §3: '~' becomes "~0" first, then '/' becomes "~1", so "~1" in a key survives as "~01".</summary>
    public static string Escape(string token) =>
        token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
