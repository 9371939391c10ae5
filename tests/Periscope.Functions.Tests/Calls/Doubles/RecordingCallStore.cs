using Periscope.Functions.Calls;
using Periscope.Functions.Store;

namespace Periscope.Functions.Tests.Calls.Doubles;

/// <summary>
/// Keeps each inserted batch in memory. <see cref="Hold"/> makes inserts wait (a writer the test holds);
/// <see cref="FailuresLeft"/> makes the next inserts throw as a broken store does.
/// </summary>
internal sealed class RecordingCallStore : ICallStore
{
    private readonly Lock _lock = new();
    private readonly List<IReadOnlyList<StoredCall>> _batches = [];

    /// <summary>While set and not completed, every insert waits for it.</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Completed when the first insert starts.</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int FailuresLeft { get; set; }

    public IReadOnlyList<int> BatchSizes
    {
        get
        {
            lock (_lock)
            {
                return _batches.Select(batch => batch.Count).ToList();
            }
        }
    }

    public IReadOnlyList<StoredCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return _batches.SelectMany(batch => batch).ToList();
            }
        }
    }

    public async Task InsertAsync(IReadOnlyList<StoredCall> batch, CancellationToken cancellationToken)
    {
        Entered.TrySetResult();
        if (Hold is { } hold)
        {
            await hold.Task;
        }

        lock (_lock)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("The store is down.");
            }

            _batches.Add(batch.ToList());
        }
    }

    public Task<Page<StoredCall>> ListAsync(CallQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StoredCall?> GetAsync(long id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<CallPosition?> FindCountCutoffAsync(long keep, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> DeleteUpToAsync(CallPosition newest, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
}
