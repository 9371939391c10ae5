namespace Periscope.Functions.Tests.Hosting.Doubles;

/// <summary>Holds <see cref="Gated"/> requests inside the function until the test releases them, and tells the test when each got in.</summary>
internal sealed class FunctionGate
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim entries = new(0);
    private int entered;

    public int Entered => Volatile.Read(ref entered);

    public Task Released => release.Task;

    public void Enter()
    {
        Interlocked.Increment(ref entered);
        entries.Release();
    }

    public void Release() => release.TrySetResult();

    public async Task WaitForEntryAsync()
    {
        if (!await entries.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("No request entered the gated function within 10 s.");
        }
    }
}
