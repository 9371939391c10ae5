using Periscope.JsonSchema;

namespace Periscope.Functions.Invoke;

/// <summary>An operation's request body as its low-code view declares it.</summary>
/// <param name="Required">Whether the operation requires a body.</param>
/// <param name="MediaType">The JSON media type the gateway sends the body as; null when the operation takes none.</param>
/// <param name="MediaTypes">Every media type the operation declares, for the error when none is JSON.</param>
/// <param name="Schema">The compiled schema of the JSON body; null when none is declared or it could not be compiled.</param>
internal sealed record RequestBodyInput(bool Required, string? MediaType, IReadOnlyList<string> MediaTypes, JsonSchemaValidator? Schema);
