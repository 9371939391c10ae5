namespace Periscope.Bench.LoadGenerator;

/// <summary>The measured part of a fixed-rate run.</summary>
/// <param name="Targets">Each target's figures, in the order given.</param>
/// <param name="WindowSeconds">From the first measured due time to the last measured answer.</param>
/// <param name="Usage">The watched processes, the generator included, over every target's requests.</param>
internal sealed record RunResult(IReadOnlyList<TargetResult> Targets, double WindowSeconds, IReadOnlyList<ProcessUsage> Usage)
{
    public int Requests => Targets.Sum(target => target.Requests);
}
