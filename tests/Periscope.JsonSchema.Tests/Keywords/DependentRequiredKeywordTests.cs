namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class DependentRequiredKeywordTests
{
    [Fact]
    public void Evaluate_TriggerWithoutDependent_ReportsTheMissingDependent()
    {
        var error = Schemas.SingleError("""{"dependentRequired":{"card":["cvv"]}}""", """{"card":"4111"}""");

        Assert.Equal(("/cvv", "dependentRequired", "is required when \"card\" is present"), (error.InstancePath, error.Keyword, error.Message));
    }

    [Fact]
    public void Compile_DependenciesNotStringArrays_Throws()
    {
        Schemas.CompileFails("""{"dependentRequired":{"a":"b"}}""");
    }
}
