using Periscope.JsonSchema.Formats;

namespace Periscope.JsonSchema.Tests.Formats;

public sealed class UuidFormatTests
{
    [Theory]
    [InlineData("123e4567-e89b-12d3-a456-426614174000", true)]
    [InlineData("{123e4567-e89b-12d3-a456-426614174000}", false)]
    [InlineData("123e4567e89b12d3a456426614174000", false)]
    [InlineData("123e4567-e89b-12d3-a456-42661417400g", false)]
    public void IsUuid_HyphenatedHexOnly(string text, bool valid)
    {
        Assert.Equal(valid, UuidFormat.IsUuid(text));
    }
}
