namespace Periscope.Sidecar.Forwarding;

/// <summary>How a response body copy ended.</summary>
/// <param name="BytesWritten">Body bytes written (and flushed) to the client.</param>
/// <param name="Failure">Which side broke off, or <see cref="ResponseCopyFailure.None"/>.</param>
/// <param name="Exception">The cause, when there was one.</param>
internal readonly record struct ResponseCopyResult(long BytesWritten, ResponseCopyFailure Failure, Exception? Exception);
