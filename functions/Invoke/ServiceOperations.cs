using System.Collections.Concurrent;
using Periscope.Functions.Store;

namespace Periscope.Functions.Invoke;

/// <summary>
/// What the gateway needs of one version of a service's document: the operation matcher and each
/// operation's compiled inputs, built once per document version and shared by every call.
/// </summary>
internal sealed class ServiceOperations(long documentVersion, OperationMatcher matcher)
{
    private readonly ConcurrentDictionary<string, OperationInputs> inputs = new(StringComparer.Ordinal);

    public long DocumentVersion => documentVersion;

    public OperationMatcher Matcher => matcher;

    /// <summary>The operation's inputs, compiled from its low-code view on first use.</summary>
    public OperationInputs InputsOf(OperationRecord operation) =>
        inputs.GetOrAdd(operation.Key, static (_, view) => OperationInputs.Compile(view), operation.LowCodeViewJson);
}
