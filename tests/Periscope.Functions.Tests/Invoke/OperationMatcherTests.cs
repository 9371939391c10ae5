using Periscope.Functions.Invoke;
using Periscope.Functions.Store;

namespace Periscope.Functions.Tests.Invoke;

public sealed class OperationMatcherTests
{
    private static readonly OperationMatcher Matcher = new(
        [
            Operation("GET", "/items/{id}", "getItem"),
            Operation("GET", "/items/special", "getSpecial"),
            Operation("GET", "/items/{id}/tags/{tag}", "getTag"),
            Operation("GET", "/items/{id}/tags/latest", "getLatestTag"),
            Operation("DELETE", "/items/{id}", "deleteItem"),
            Operation("GET", "/files/{name}.{ext}", "getFile"),
            Operation("GET", "/", "root"),
            Operation("GET", "/inferred/{x}", "inferred", documented: false),
        ],
        pathPrefix: string.Empty);

    [Theory]
    [InlineData("GET", "/items/42", "getItem")]
    [InlineData("GET", "/items/42?fields=a", "getItem")]
    [InlineData("GET", "/items/42/", "getItem")]
    [InlineData("GET", "/items/special", "getSpecial")]
    [InlineData("GET", "/items/special/tags/latest", "getLatestTag")]
    [InlineData("GET", "/items/7/tags/new", "getTag")]
    [InlineData("DELETE", "/items/42", "deleteItem")]
    [InlineData("delete", "/items/42", "deleteItem")]
    [InlineData("HEAD", "/items/42", "getItem")]
    [InlineData("GET", "/files/report.pdf", "getFile")]
    [InlineData("GET", "/items/a%2Fb", "getItem")]
    [InlineData("GET", "/items/%73pecial", "getSpecial")]
    [InlineData("GET", "/", "root")]
    public void Match_DocumentedOperation_FindsTheMostConcrete(string method, string path, string expected) =>
        Assert.Equal($"default.shop.{expected}", Matcher.Match(method, path)?.OperationKey);

    [Theory]
    [InlineData("POST", "/items/42")]
    [InlineData("GET", "/items")]
    [InlineData("GET", "/items/42/extra")]
    [InlineData("GET", "/items//tags/x")]
    [InlineData("GET", "/Items/42")]
    [InlineData("GET", "/files/report")]
    [InlineData("GET", "/inferred/1")]
    public void Match_NoDocumentedOperation_ReturnsNull(string method, string path) => Assert.Null(Matcher.Match(method, path));

    [Fact]
    public void Match_ServerPrefix_IsRemovedWhenPresent()
    {
        var matcher = new OperationMatcher([Operation("GET", "/items/{id}", "getItem")], "/api/v2");

        Assert.Equal("/items/{id}", matcher.Match("GET", "/api/v2/items/1")?.PathTemplate);
        Assert.Equal("/items/{id}", matcher.Match("GET", "/items/1")?.PathTemplate);
        Assert.Null(matcher.Match("GET", "/api/v2x/items/1"));
    }

    private static OperationRecord Operation(string method, string path, string slug, bool documented = true) =>
        new($"default.shop.{slug}", new ServiceKey("default", "shop"), method, path, slug, null, [], false, documented, "{}");
}
