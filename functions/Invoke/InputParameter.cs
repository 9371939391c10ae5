using Periscope.JsonSchema;

namespace Periscope.Functions.Invoke;

/// <summary>One parameter of an operation as its low-code view declares it.</summary>
/// <param name="Name">The parameter's name (a header's as declared; headers compare case-insensitively).</param>
/// <param name="Required">Whether a value must be given (path parameters always).</param>
/// <param name="Schema">The compiled schema of its value; null when the view's schema could not be compiled.</param>
/// <param name="Style">OpenAPI's <c>style</c> when the view gives one; the location's default otherwise.</param>
/// <param name="Explode">OpenAPI's <c>explode</c> when the view gives one; the style's default otherwise.</param>
internal sealed record InputParameter(string Name, bool Required, JsonSchemaValidator? Schema, string? Style, bool? Explode);
