namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class AllOfKeywordTests
{
    [Fact]
    public void Evaluate_BranchFailures_AreReportedAsTheyAre()
    {
        var errors = Schemas.Validate(
            """{"allOf":[{"properties":{"a":{"type":"string"}}},{"required":["b"]}]}""", """{"a":1}""");

        Assert.Equal([("/a", "type"), ("/b", "required")], errors.Select(e => (e.InstancePath, e.Keyword)));
    }

    [Fact]
    public void Compile_EmptyAllOf_Throws()
    {
        Schemas.CompileFails("""{"allOf":[]}""");
    }
}
