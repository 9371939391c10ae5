namespace Periscope.Sidecar.Tests.Fakes;

/// <summary>Things a fake saw, in order, with a way to wait for one to arrive instead of sleeping.</summary>
internal sealed class Recording<T>
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly Lock gate = new();
    private readonly List<T> items = [];
    private TaskCompletionSource added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return items.Count;
            }
        }
    }

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (gate)
            {
                return [.. items];
            }
        }
    }

    public void Add(T item)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            items.Add(item);
            signal = added;
            added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.SetResult();
    }

    /// <summary>Waits until at least <paramref name="count"/> items have arrived; returns them all.</summary>
    public async Task<IReadOnlyList<T>> WaitForCountAsync(int count, string what, TimeSpan? timeout = null)
    {
        await WaitForAsync(_ => true, what, from: count - 1, timeout);
        return Items;
    }

    /// <summary>The first item from index <paramref name="from"/> on that matches, waiting for it if need be.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match, string what, int from = 0, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            Task next;
            lock (gate)
            {
                for (var i = from; i < items.Count; i++)
                {
                    if (match(items[i]))
                    {
                        return items[i];
                    }
                }

                next = added.Task;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                var items = Items;
                throw new TimeoutException(
                    $"Waited {timeout ?? DefaultTimeout} for {what}; saw {items.Count} items, the last: {string.Join(" | ", items.TakeLast(5))}");
            }

            try
            {
                await next.WaitAsync(remaining);
            }
            catch (TimeoutException)
            {
                // Checked once more above, then reported with what was seen.
            }
        }
    }
}
