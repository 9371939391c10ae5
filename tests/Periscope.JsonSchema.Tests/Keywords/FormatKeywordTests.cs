namespace Periscope.JsonSchema.Tests.Keywords;

public sealed class FormatKeywordTests
{
    [Theory]
    [InlineData("date-time", "\"yesterday\"", "must be a valid date-time (RFC 3339)")]
    [InlineData("email", "\"nobody\"", "must be a valid email address")]
    [InlineData("int32", "2147483648", "must be a valid 32-bit integer (int32)")]
    [InlineData("uuid", "\"1234\"", "must be a valid UUID")]
    public void Evaluate_InvalidValue_NamesTheFormat(string format, string instance, string message)
    {
        var error = Schemas.SingleError($$"""{"format":"{{format}}"}""", instance);

        Assert.Equal(("format", message), (error.Keyword, error.Message));
    }

    [Fact]
    public void Evaluate_AssertFormatOff_IgnoresFormats()
    {
        Assert.True(Schemas.IsValid("""{"format":"email"}""", "\"nobody\"", new JsonSchemaOptions { AssertFormat = false }));
    }

    [Theory]
    [InlineData("hostname-ish")]
    [InlineData("password")]
    [InlineData("binary")]
    public void Evaluate_UnknownFormat_IsIgnored(string format)
    {
        Assert.True(Schemas.IsValid($$"""{"format":"{{format}}"}""", "\"anything at all\""));
    }

    [Fact]
    public void Evaluate_NumberFormatOnString_DoesNotApply()
    {
        Assert.True(Schemas.IsValid("""{"format":"int64"}""", "\"12.5\""));
    }
}
