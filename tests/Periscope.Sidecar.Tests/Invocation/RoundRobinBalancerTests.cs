using Periscope.Sidecar.Invocation;

namespace Periscope.Sidecar.Tests.Invocation;

public sealed class RoundRobinBalancerTests
{
    private static readonly AppKey Orders = new("shop", "orders");

    [Fact]
    public void Pick_ManyTimes_EachEndpointInTurn()
    {
        var endpoints = Endpoints(3);
        var set = new EndpointSet(Orders, endpoints);
        var balancer = new RoundRobinBalancer();

        var picks = Enumerable.Range(0, 30).Select(_ => balancer.Pick(set, endpoints)).ToList();

        Assert.All(endpoints, endpoint => Assert.Equal(10, picks.Count(p => p == endpoint)));
        for (var i = 3; i < picks.Count; i++)
        {
            Assert.Same(picks[i - 3], picks[i]);
        }
    }

    [Fact]
    public void Pick_FewerCandidates_OnlyThose()
    {
        var endpoints = Endpoints(3);
        var set = new EndpointSet(Orders, endpoints);
        InvocationEndpoint[] candidates = [endpoints[0], endpoints[2]];

        var picks = Enumerable.Range(0, 10).Select(_ => new RoundRobinBalancer().Pick(set, candidates)).ToList();

        Assert.DoesNotContain(endpoints[1], picks);
        Assert.Equal(5, picks.Count(p => p == endpoints[0]));
    }

    [Fact]
    public void Pick_SeparateAppIds_EachHasItsOwnTurn()
    {
        var orders = new EndpointSet(Orders, Endpoints(2));
        var payments = new EndpointSet(new AppKey("shop", "payments"), Endpoints(2));
        var balancer = new RoundRobinBalancer();

        var ordersPicks = new List<InvocationEndpoint>();
        for (var i = 0; i < 4; i++)
        {
            ordersPicks.Add(balancer.Pick(orders, orders.Endpoints));
            balancer.Pick(payments, payments.Endpoints);
        }

        Assert.Equal(2, ordersPicks.Distinct().Count());
    }

    internal static InvocationEndpoint[] Endpoints(int count) =>
        Enumerable.Range(1, count).Select(i => new InvocationEndpoint($"10.0.0.{i}", 3501, $"orders-{i}")).ToArray();
}
