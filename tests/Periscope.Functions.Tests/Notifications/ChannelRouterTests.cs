using Periscope.Functions.Notifications;

namespace Periscope.Functions.Tests.Notifications;

public sealed class ChannelRouterTests
{
    [Theory]
    [InlineData(new string[0], new string[0], null, null, true)]
    [InlineData(new[] { "CRITICAL" }, new string[0], null, null, true)]
    [InlineData(new[] { "warning" }, new string[0], null, null, false)]
    [InlineData(new string[0], new[] { "shop" }, null, null, true)]
    [InlineData(new string[0], new[] { "payments" }, null, null, false)]
    [InlineData(new string[0], new string[0], "pod", "orders-.*", true)]
    [InlineData(new string[0], new string[0], "pod", "orders", false)]
    [InlineData(new string[0], new string[0], "pod", "rders-7", false)]
    [InlineData(new string[0], new string[0], "team", "", true)]
    [InlineData(new string[0], new string[0], "team", "core|edge", false)]
    public void Admits_Route_MatchesAsAlertmanagerAnchorsRegexes(string[] severities, string[] namespaces, string? label, string? pattern, bool admitted)
    {
        var matchers = label is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [label] = pattern! };
        var route = new ChannelRoute(severities, namespaces, matchers);

        Assert.Equal(admitted, ChannelRouter.Admits(route, NotificationSamples.Alert(7)));
    }
}
