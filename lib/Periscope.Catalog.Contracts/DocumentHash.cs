namespace Periscope.Catalog.Contracts;

/// <summary>The content hash both sides compute the same way: <c>sha256:</c> + lowercase hex of the bytes.</summary>
public static class DocumentHash
{
    public const string Prefix = "sha256:";

    public static string Of(ReadOnlySpan<byte> content) =>
        Prefix + Convert.ToHexStringLower(Sha256.HashData(content));

    public static string Of(string content) => Of(System.Text.Encoding.UTF8.GetBytes(content));
}
