using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting.Doubles;

/// <summary>A readiness check answering what it was given; <see cref="Hangs"/> never answers and ignores its token.</summary>
internal sealed class StubReadinessCheck(string name, string? failure, bool hangs = false) : IReadinessCheck
{
    public string Name => name;

    public static StubReadinessCheck Hangs(string name) => new(name, null, hangs: true);

    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        if (hangs)
        {
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
        }

        return failure;
    }
}
