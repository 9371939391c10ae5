using Periscope.JsonSchema.Compilation;

namespace Periscope.JsonSchema.Tests.Compilation;

public sealed class EcmaPatternTests
{
    [Theory]
    [InlineData(@"^\p{Letter}+$", @"^\p{L}+$")]
    [InlineData(@"\P{gc=Decimal_Number}", @"\P{Nd}")]
    [InlineData(@"\p{General_Category=Uppercase_Letter}", @"\p{Lu}")]
    [InlineData(@"\p{L}", @"\p{L}")]
    [InlineData(@"\\p{Letter}", @"\\p{Letter}")]
    [InlineData(@"\p{IsGreek}", @"\p{IsGreek}")]
    [InlineData("plain", "plain")]
    public void ToDotNet_LongCategoryNames_BecomeShortOnes(string pattern, string expected)
    {
        Assert.Equal(expected, EcmaPattern.ToDotNet(pattern));
    }
}
