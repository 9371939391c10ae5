namespace Periscope.Sidecar.Traffic;

/// <summary>An operation of the app's OpenAPI document.</summary>
/// <param name="Method">Upper-case, e.g. <c>GET</c>.</param>
/// <param name="PathTemplate">The document's <c>paths</c> key exactly as written, e.g. <c>/orders/{id}</c>.</param>
/// <param name="OperationId">The operation's <c>operationId</c>, if it has one.</param>
/// <param name="Index">Its position in <see cref="OperationTable.Operations"/>, so per-operation state can live in arrays.</param>
internal sealed record DocumentedOperation(string Method, string PathTemplate, string? OperationId, int Index)
{
    /// <summary><c>GET /orders/{id}</c>: the identity of the operation across document versions.</summary>
    public string Key { get; } = Method + " " + PathTemplate;
}
