namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class RequiredKeywordTests
{
    [Fact]
    public void Evaluate_MissingProperties_EachReportedAtItsOwnPath()
    {
        var errors = Schemas.Validate("""{"required":["id","name"]}""", "{}");

        Assert.Equal([("/id", "required", "is required"), ("/name", "required", "is required")],
            errors.Select(e => (e.InstancePath, e.Keyword, e.Message)));
    }

    [Fact]
    public void Compile_RequiredNotStrings_Throws()
    {
        Schemas.CompileFails("""{"required":[1]}""");
        Schemas.CompileFails("""{"required":"id"}""");
    }
}
