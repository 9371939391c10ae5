using Periscope.Sidecar.Invocation;

namespace Periscope.Sidecar.Tests.Invocation;

/// <summary>An app that answers, or not, as the test says.</summary>
internal sealed class FixedReadiness(bool answers) : IAppReadiness
{
    public Task<(bool Answers, string? Detail)> CheckAsync(CancellationToken cancellationToken) =>
        Task.FromResult((answers, answers ? null : "the app does not accept connections at 127.0.0.1:5000"));
}
