using System.Diagnostics.CodeAnalysis;

namespace Periscope.OpenApi;

/// <summary>One problem found while reading an OpenAPI document.</summary>
/// <param name="Severity"><see cref="Error"/> or <see cref="Warning"/>.</param>
/// <param name="Message">What is wrong, for a person; syntax errors start with "line L, column C: ".</param>
/// <param name="Pointer">An RFC 6901 JSON pointer into the document (for example <c>/paths/~1pets/get</c>) when known.</param>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Pointer names an RFC 6901 JSON pointer, the catalog's wire name.")]
public sealed record ParseDiagnostic(string Severity, string Message, string? Pointer)
{
    /// <summary>The severity of a problem that makes the document, or part of it, wrong.</summary>
    public const string Error = "error";

    /// <summary>The severity of a problem the catalog worked around.</summary>
    public const string Warning = "warning";

    internal static ParseDiagnostic ErrorAt(string message, string? pointer = null) => new(Error, message, pointer);

    internal static ParseDiagnostic WarningAt(string message, string? pointer = null) => new(Warning, message, pointer);
}
