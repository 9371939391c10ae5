namespace Periscope.Functions.Tests.Hosting.Doubles;

/// <summary>Completes when <see cref="Slow"/> sees its cancellation token fire.</summary>
internal sealed class CancellationProbe
{
    private readonly TaskCompletionSource cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Cancelled => cancelled.Task;

    public void OnCancelled() => cancelled.TrySetResult();
}
