using System.Diagnostics;
using System.Globalization;

namespace Periscope.Bench.Monitoring;

/// <summary>
/// Runs a case until the functions host has stopped compiling code for it. .NET compiles each method quickly at
/// first and recompiles the ones called often in the background (tiered compilation); on two shared CPUs that
/// background work takes CPU from Prometheus and was measured as the function's time. A host that has served a case
/// a few hundred times compiles nothing more, as in production. The count comes from the host's own
/// <c>dotnet_jit_compiled_methods_total</c> (its /metrics, .NET's System.Runtime meter).
/// </summary>
internal sealed class HostWarmUp(HttpClient functions)
{
    /// <summary>Calls per side between two looks at the compiled-method count, at least.</summary>
    public const int BatchSize = 20;

    /// <summary>
    /// A batch's length, at least: longer than tiered compilation's delay (100 ms without new methods before it
    /// promotes any), so that a quiet batch is not merely one that ended before the promotions began.
    /// </summary>
    public static readonly TimeSpan BatchTime = TimeSpan.FromMilliseconds(500);

    /// <summary>Gives up (and says so) after this many batches.</summary>
    public const int MaxBatches = 60;

    /// <summary>Runs batches of <paramref name="pair"/> (<see cref="BatchSize"/> and <see cref="BatchTime"/> at least) until one compiles no method; returns the pairs run and whether the host went quiet.</summary>
    public async Task<(int Pairs, bool Quiet)> RunAsync(Func<Task> pair)
    {
        var before = await CompiledMethodsAsync();
        var pairs = 0;
        for (var batch = 1; batch <= MaxBatches; batch++)
        {
            var started = Stopwatch.StartNew();
            for (var i = 0; i < BatchSize || started.Elapsed < BatchTime; i++)
            {
                await pair();
                pairs++;
            }

            var after = await CompiledMethodsAsync();
            if (after == before)
            {
                return (pairs, true);
            }

            before = after;
        }

        return (pairs, false);
    }

    private async Task<long> CompiledMethodsAsync()
    {
        const string Name = "dotnet_jit_compiled_methods_total ";
        var text = await functions.GetStringAsync("/metrics");
        var line = text.Split('\n').FirstOrDefault(line => line.StartsWith(Name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The functions host's /metrics has no {Name.Trim()}; it should expose .NET's System.Runtime meter.");
        return long.Parse(line[Name.Length..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
    }
}
