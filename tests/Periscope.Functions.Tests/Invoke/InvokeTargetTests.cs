using Periscope.Functions.Invoke;

namespace Periscope.Functions.Tests.Invoke;

public sealed class InvokeTargetTests
{
    [Theory]
    [InlineData("/api/invoke/default/orders/orders", 4, "/orders")]
    [InlineData("/api/invoke/default/orders/orders/42?status=Paid&x=%2A", 4, "/orders/42?status=Paid&x=%2A")]
    [InlineData("/api/invoke/default/orders/a%3Fb/?", 4, "/a%3Fb/?")]
    [InlineData("/invoke/default/orders/orders", 3, "/orders")]
    [InlineData("/v1/api/invoke/default/orders/x", 5, "/x")]
    public void TryParse_OriginForm_KeepsTheAppsPathAndQueryAsEscaped(string rawTarget, int leadingSegments, string expected)
    {
        Assert.Null(InvokeTarget.TryParse(rawTarget, leadingSegments, out var appPathAndQuery));
        Assert.Equal(expected, appPathAndQuery);
    }

    [Theory]
    [InlineData("http://evil.example/api/invoke/default/orders/x", "absolute")]
    [InlineData("*", "absolute")]
    [InlineData("/api/invoke/default/orders", "name a path")]
    [InlineData("/api/invoke/default/orders/", "name a path")]
    [InlineData("/api/invoke/x/../default/orders/p", "'.' or '..'")]
    [InlineData("/api/invoke/default/orders/x?a=#b", "query")]
    public void TryParse_UnforwardableTarget_Refuses(string rawTarget, string reason)
    {
        var problem = InvokeTarget.TryParse(rawTarget, 4, out _);

        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }
}
