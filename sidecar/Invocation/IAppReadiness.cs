namespace Periscope.Sidecar.Invocation;

/// <summary>Whether the app next to the sidecar answers, for <c>/v1.0/healthz</c> (Dapr's waits for the app channel).</summary>
internal interface IAppReadiness
{
    Task<(bool Answers, string? Detail)> CheckAsync(CancellationToken cancellationToken);
}
