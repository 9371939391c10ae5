namespace Periscope.OpenApi;

/// <summary>One operation (a method on a path) of a parsed OpenAPI document.</summary>
/// <param name="Method">The HTTP method in upper case: GET, POST, ...</param>
/// <param name="PathTemplate">The path key as written, for example <c>/pets/{id}</c>; no server base path.</param>
/// <param name="OperationId">The declared operationId, if any.</param>
/// <param name="Summary">The operation's summary, if any.</param>
/// <param name="Description">The operation's description, if any.</param>
/// <param name="Tags">The operation's tags, in order.</param>
/// <param name="Deprecated">Whether the operation is marked deprecated.</param>
/// <param name="Slug">
/// A stable id within the document: the operationId when it is a safe, unique token, otherwise
/// <c>{method}-{first 12 hex digits of SHA-256(path template)}</c>.
/// </param>
/// <param name="LowCodeViewJson">
/// The operation's inputs and outputs as self-contained JSON Schema 2020-12 documents, for form builders.
/// It nests at most 64 levels deep, so System.Text.Json's default options read it; deeper parts are cut
/// with an <c>x-periscope-truncated</c> marker, recursion with <c>x-periscope-cycle</c>, and references that
/// point nowhere are kept with <c>x-periscope-unresolved</c>.
/// </param>
public sealed record ApiOperation(
    string Method,
    string PathTemplate,
    string? OperationId,
    string? Summary,
    string? Description,
    IReadOnlyList<string> Tags,
    bool Deprecated,
    string Slug,
    string LowCodeViewJson);
