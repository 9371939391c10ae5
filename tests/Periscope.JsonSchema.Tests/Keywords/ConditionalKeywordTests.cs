namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class ConditionalKeywordTests
{
    private const string Schema = """
        {"if":{"properties":{"kind":{"const":"card"}},"required":["kind"]},
         "then":{"required":["cardNumber"]},
         "else":{"required":["iban"]}}
        """;

    [Fact]
    public void Evaluate_IfMatches_ThenErrorsAreReported()
    {
        var error = Schemas.SingleError(Schema, """{"kind":"card"}""");

        Assert.Equal(("/cardNumber", "required"), (error.InstancePath, error.Keyword));
    }

    [Fact]
    public void Evaluate_IfFails_ElseErrorsAreReportedAndIfErrorsAreNot()
    {
        var error = Schemas.SingleError(Schema, """{"kind":"bank"}""");

        Assert.Equal(("/iban", "required"), (error.InstancePath, error.Keyword));
    }

    [Fact]
    public void Evaluate_FalseBranch_IsReportedUnderThenOrElse()
    {
        Assert.Equal("then", Schemas.SingleError("""{"if":{"const":1},"then":false}""", "1").Keyword);
        Assert.Equal("else", Schemas.SingleError("""{"if":{"const":1},"else":false}""", "2").Keyword);
    }
}
