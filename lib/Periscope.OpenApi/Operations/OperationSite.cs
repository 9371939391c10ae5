using System.Text.Json.Nodes;

namespace Periscope.OpenApi.Operations;

/// <summary>Where one operation sits in a normalized document.</summary>
/// <param name="Method">The HTTP method in upper case.</param>
/// <param name="Path">The path template, the key under <c>paths</c>.</param>
/// <param name="Operation">The Operation Object.</param>
/// <param name="PathParameters">The parameters declared on the path item, which apply to all its operations.</param>
/// <param name="Pointer">The JSON pointer of the operation under <c>paths</c>, for diagnostics.</param>
internal sealed record OperationSite(string Method, string Path, JsonObject Operation, JsonArray? PathParameters, string Pointer);
