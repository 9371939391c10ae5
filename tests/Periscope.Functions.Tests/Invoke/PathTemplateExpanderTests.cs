using Periscope.Functions.Invoke;

namespace Periscope.Functions.Tests.Invoke;

public sealed class PathTemplateExpanderTests
{
    [Theory]
    [InlineData("/items/{id}", "/items/a%2Fb")]
    [InlineData("/items/{id}/tags", "/items/a%2Fb/tags")]
    [InlineData("/files/{id}.{ext}", "/files/a%2Fb.pdf")]
    [InlineData("/static", "/static")]
    [InlineData("/items/{missing}", "/items/")]
    public void Expand_Template_PutsEachValueInItsPlace(string template, string expected)
    {
        var values = new Dictionary<string, string> { ["id"] = "a%2Fb", ["ext"] = "pdf" };

        Assert.Equal(expected, PathTemplateExpander.Expand(template, values));
    }
}
