namespace Periscope.Sidecar.Invocation;

/// <summary>
/// Two distinct endpoints at random, the one with fewer outstanding requests wins (Mitzenmacher, "The
/// Power of Two Choices in Randomized Load Balancing"; YARP's <c>PowerOfTwoChoices</c> policy and
/// Envoy's least-request balancer work the same way): nearly the balance of always choosing the least
/// loaded, without every sidecar herding onto the same endpoint.
/// </summary>
internal sealed class PowerOfTwoChoicesBalancer : ILoadBalancer
{
    public InvocationEndpoint Pick(EndpointSet endpoints, IReadOnlyList<InvocationEndpoint> candidates)
    {
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var first = Random.Shared.Next(candidates.Count);
        var second = Random.Shared.Next(candidates.Count - 1);
        if (second >= first)
        {
            second++;
        }

        var a = candidates[first];
        var b = candidates[second];
        return b.Outstanding < a.Outstanding ? b : a;
    }
}
