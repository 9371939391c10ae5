namespace Periscope.Sidecar.Configuration;

internal enum LoadBalancingPolicy
{
    /// <summary>Each endpoint in turn.</summary>
    RoundRobin,

    /// <summary>Two endpoints at random, the one with fewer outstanding requests wins (Mitzenmacher's power of two choices).</summary>
    PowerOfTwoChoices,
}
