namespace Periscope.Sidecar.Discovery;

/// <summary>An OpenAPI document as the app served it.</summary>
/// <param name="SourcePath">The path on the app it came from.</param>
/// <param name="ContentType">The Content-Type the app answered with, if any.</param>
/// <param name="Content">The document text.</param>
/// <param name="Hash">The <see cref="Catalog.Contracts.DocumentHash"/> of its bytes.</param>
/// <param name="ETag">The app's entity tag, for a conditional GET next time (RFC 9110 §8.8.3).</param>
/// <param name="Length">Its size in bytes.</param>
internal sealed record AppDocument(string SourcePath, string? ContentType, string Content, string Hash, string? ETag, int Length);
