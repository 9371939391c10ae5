namespace Periscope.OpenApi.Reading;

/// <summary>The text is not well-formed JSON or YAML, or cannot be represented as JSON.</summary>
/// <remarks>Raised and caught inside this library only; it becomes an error <see cref="ParseDiagnostic"/>.</remarks>
internal sealed class SourceSyntaxException : Exception
{
    public SourceSyntaxException()
    {
    }

    public SourceSyntaxException(string message)
        : base(message)
    {
    }

    public SourceSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Formats a message as "line L, column C: message" (both 1-based).</summary>
    public static SourceSyntaxException At(long line, long column, string message, Exception? inner = null) =>
        new($"line {line}, column {column}: {message}", inner!);
}
