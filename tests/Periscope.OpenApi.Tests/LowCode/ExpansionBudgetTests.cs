using System.Text.Json.Nodes;
using Periscope.OpenApi.LowCode;

namespace Periscope.OpenApi.Tests.LowCode;

public sealed class ExpansionBudgetTests
{
    [Fact]
    public void TrySpend_BeyondTheOperationLimit_FailsUntilTheNextOperation()
    {
        var budget = new ExpansionBudget(operationNodes: 10, documentNodes: 100);

        Assert.True(budget.TrySpend(10));
        Assert.False(budget.TrySpend(1));
        budget.StartOperation();
        Assert.True(budget.TrySpend(1));
        Assert.False(budget.DocumentExhausted);
    }

    [Fact]
    public void TrySpend_BeyondTheDocumentLimit_MarksItExhausted()
    {
        var budget = new ExpansionBudget(operationNodes: 10, documentNodes: 15);

        Assert.True(budget.TrySpend(10));
        budget.StartOperation();
        Assert.False(budget.TrySpend(6));
        Assert.True(budget.DocumentExhausted);
    }

    [Fact]
    public void TryClone_ChargesEveryNode()
    {
        var budget = new ExpansionBudget(operationNodes: 4);
        var value = JsonNode.Parse("[1,2,3]");

        Assert.True(budget.TryClone(value, maxHeight: 1, out var copy));
        Assert.Equal("[1,2,3]", copy!.ToJsonString());
        Assert.NotSame(value, copy);
        Assert.False(budget.TryClone(value, maxHeight: 1, out _));
    }

    [Fact]
    public void TryClone_DeeperThanAllowed_Fails()
    {
        var budget = new ExpansionBudget();

        Assert.False(budget.TryClone(JsonNode.Parse("[[1]]"), maxHeight: 1, out var copy));
        Assert.Null(copy);
        Assert.True(budget.TryClone(JsonNode.Parse("[[1]]"), maxHeight: 2, out _));
    }
}
