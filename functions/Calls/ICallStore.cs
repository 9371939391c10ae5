using Periscope.Functions.Store;

namespace Periscope.Functions.Calls;

/// <summary>
/// Where call records are kept. Records are ordered newest first by (<see cref="StoredCall.Time"/>,
/// <see cref="StoredCall.Id"/>); lists page with opaque continue tokens, retention deletes in bounded chunks.
/// </summary>
internal interface ICallStore
{
    /// <summary>Stores the batch in one transaction: all of it or, when it throws, none.</summary>
    Task InsertAsync(IReadOnlyList<StoredCall> batch, CancellationToken cancellationToken);

    /// <summary>Records matching the query, newest first, without headers or bodies.</summary>
    Task<Page<StoredCall>> ListAsync(CallQuery query, CancellationToken cancellationToken);

    /// <summary>One record with its headers and bodies; null when unknown.</summary>
    Task<StoredCall?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="limit"/> of the oldest records with a time before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);

    /// <summary>The newest record that is not among the newest <paramref name="keep"/>; null when there are no more than that.</summary>
    Task<CallPosition?> FindCountCutoffAsync(long keep, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="limit"/> of the oldest records at or before <paramref name="newest"/>; returns how many.</summary>
    Task<int> DeleteUpToAsync(CallPosition newest, int limit, CancellationToken cancellationToken);
}
