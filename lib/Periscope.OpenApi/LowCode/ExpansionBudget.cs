using System.Text.Json.Nodes;
using Periscope.OpenApi.Json;

namespace Periscope.OpenApi.LowCode;

/// <summary>Limits how many JSON nodes the low-code views may create, per operation and per document.</summary>
/// <remarks>
/// Inlining references can multiply a document: a chain of schemas each referring twice to the next grows
/// as 2^n. The limits stop such a document from exhausting memory; ordinary documents stay far below them.
/// </remarks>
internal sealed class ExpansionBudget
{
    /// <summary>Nodes one operation's view may hold; a large real operation (GitHub's repository schemas) needs a few thousand.</summary>
    public const long DefaultOperationNodes = 100_000;

    /// <summary>Nodes all views of one document may hold together.</summary>
    public const long DefaultDocumentNodes = 20_000_000;

    private readonly long _operationNodes;
    private long _operationRemaining;
    private long _documentRemaining;

    public ExpansionBudget(long operationNodes = DefaultOperationNodes, long documentNodes = DefaultDocumentNodes)
    {
        _operationNodes = operationNodes;
        _operationRemaining = operationNodes;
        _documentRemaining = documentNodes;
    }

    /// <summary>Nodes spent on the current operation so far.</summary>
    public long OperationSpent => _operationNodes - _operationRemaining;

    /// <summary>Whether the document-wide limit has been reached.</summary>
    public bool DocumentExhausted { get; private set; }

    public void StartOperation() => _operationRemaining = _operationNodes;

    public bool TrySpend(long nodes)
    {
        if (nodes > _documentRemaining)
        {
            DocumentExhausted = true;
            return false;
        }

        if (nodes > _operationRemaining)
        {
            return false;
        }

        _operationRemaining -= nodes;
        _documentRemaining -= nodes;
        return true;
    }

    /// <summary>
    /// Copies a non-schema value (an example, an enum) if the budget allows it and it nests no more than
    /// <paramref name="maxHeight"/> containers deep.
    /// </summary>
    public bool TryClone(JsonNode? value, int maxHeight, out JsonNode? clone)
    {
        clone = null;
        var (size, height) = value is JsonObject or JsonArray ? JsonTreeSize.Measure(value) : (1, 0);
        if (height > maxHeight || !TrySpend(size))
        {
            return false;
        }

        clone = value?.DeepClone();
        return true;
    }
}
