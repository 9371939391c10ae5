using Periscope.Functions.Catalog;
using Periscope.Functions.Store;

namespace Periscope.Functions.Tests.Catalog;

public sealed class OperationKeyTests
{
    [Fact]
    public void Compose_ServiceAndSlug_JoinsWithDots() =>
        Assert.Equal("shop.orders.getOrder.v2", OperationKey.Compose(new ServiceKey("shop", "orders"), "getOrder.v2"));

    [Theory]
    [InlineData("default.orders.getOrder", true)]
    [InlineData("default.orders.get-a1b2c3d4e5f6", true)]
    [InlineData("default.orders.getOrder.v2", true)]
    [InlineData("default.orders", false)]
    [InlineData("Default.orders.getOrder", false)]
    [InlineData("default..getOrder", false)]
    [InlineData("default.orders.get/Order", false)]
    [InlineData("default.orders.get%2FOrder", false)]
    [InlineData("", false)]
    public void IsWellFormed_Key_MatchesShape(string key, bool expected) => Assert.Equal(expected, OperationKey.IsWellFormed(key));
}
