namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class TypeKeywordTests
{
    [Theory]
    [InlineData("\"integer\"", "1.0", true)]
    [InlineData("\"integer\"", "1e2", true)]
    [InlineData("\"integer\"", "1.5", false)]
    [InlineData("\"number\"", "1.5", true)]
    [InlineData("[\"string\",\"null\"]", "null", true)]
    [InlineData("[\"string\",\"null\"]", "0", false)]
    [InlineData("\"boolean\"", "false", true)]
    [InlineData("\"object\"", "{}", true)]
    public void Evaluate_Instance_MatchesTypeRules(string type, string instance, bool valid)
    {
        Assert.Equal(valid, Schemas.IsValid($$"""{"type":{{type}}}""", instance));
    }

    [Theory]
    [InlineData("\"integer\"", "must be an integer")]
    [InlineData("\"array\"", "must be an array")]
    [InlineData("[\"string\",\"null\"]", "must be a string or null")]
    [InlineData("[\"null\",\"object\",\"array\"]", "must be an object, an array or null")]
    public void Evaluate_WrongType_SaysWhatIsExpected(string type, string message)
    {
        var error = Schemas.SingleError($$"""{"type":{{type}}}""", "true");

        Assert.Equal(("type", message), (error.Keyword, error.Message));
    }

    [Theory]
    [InlineData("\"file\"")]
    [InlineData("[]")]
    [InlineData("[1]")]
    [InlineData("3")]
    public void Compile_InvalidType_Throws(string type)
    {
        Schemas.CompileFails($$"""{"type":{{type}}}""");
    }
}
