namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class PropertyNamesKeywordTests
{
    [Fact]
    public void Evaluate_BadName_ReportedAtThatProperty()
    {
        var error = Schemas.SingleError("""{"propertyNames":{"pattern":"^[a-z]+$"}}""", """{"ok":1,"Bad":2}""");

        Assert.Equal(("/Bad", "propertyNames", "is not an allowed property name (\"Bad\")"), (error.InstancePath, error.Keyword, error.Message));
    }
}
