namespace Periscope.Functions.Hosting;

/// <summary>
/// Runs every <see cref="IReadinessCheck"/> at once, each bounded by <c>Functions:ReadinessTimeout</c>, so a
/// hung dependency makes <c>/readyz</c> answer "not ready" quickly instead of hanging the kubelet's probe.
/// </summary>
internal sealed partial class ReadinessProbe(
    IEnumerable<IReadinessCheck> checks,
    FunctionsHostOptions options,
    ILogger<ReadinessProbe> logger)
{
    /// <summary>Each check's name with null when ready or why it is not, in registration order.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string?>>> RunAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(checks.Select(check => RunAsync(check, cancellationToken)));
        return results;
    }

    private async Task<KeyValuePair<string, string?>> RunAsync(IReadinessCheck check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ReadinessTimeout);
        string? failure;
        try
        {
            // WaitAsync too: a check that ignores its token must not hold the probe past the timeout.
            failure = await check.CheckAsync(timeout.Token).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            failure = $"did not answer within {options.ReadinessTimeout.TotalSeconds:0.###} s";
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failure = $"{exception.GetType().Name}: {exception.Message}";
        }

        if (failure is not null)
        {
            LogNotReady(logger, check.Name, failure);
        }

        return new(check.Name, failure);
    }

    [LoggerMessage(EventId = 1030, Level = LogLevel.Warning, Message = "Readiness check {Check} failed: {Reason}")]
    private static partial void LogNotReady(ILogger logger, string check, string reason);
}
