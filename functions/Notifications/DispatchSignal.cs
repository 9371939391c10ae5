namespace Periscope.Functions.Notifications;

/// <summary>Wakes the dispatcher when notices are queued, so they go out at once rather than at the next poll.</summary>
internal sealed class DispatchSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers every notice queued before it.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _semaphore.WaitAsync(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
