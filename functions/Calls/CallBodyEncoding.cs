namespace Periscope.Functions.Calls;

/// <summary>How a record's stored bodies read: both as text, or both as base64 when either is not UTF-8.</summary>
internal static class CallBodyEncoding
{
    public const string Utf8 = "utf-8";
    public const string Base64 = "base64";
}
