namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class DependentSchemasKeywordTests
{
    [Fact]
    public void Evaluate_TriggerPresent_DependentSchemaErrorsAreReported()
    {
        var error = Schemas.SingleError(
            """{"dependentSchemas":{"card":{"properties":{"cvv":{"pattern":"^[0-9]{3}$"}}}}}""", """{"card":"4111","cvv":"12"}""");

        Assert.Equal(("/cvv", "pattern"), (error.InstancePath, error.Keyword));
    }
}
