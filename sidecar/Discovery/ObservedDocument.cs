namespace Periscope.Sidecar.Discovery;

/// <summary>
/// The latest word on the app's document: <see cref="DocumentWatcher"/> writes it, the reporter reads
/// it and wakes up when it changes. Only a change of content (of hash) counts as news.
/// </summary>
internal sealed class ObservedDocument
{
    private readonly Lock gate = new();
    private DocumentObservation? latest;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Null until the app has been asked once.</summary>
    public DocumentObservation? Latest
    {
        get
        {
            lock (gate)
            {
                return latest;
            }
        }
    }

    /// <summary>Records what the app serves now; returns false when that is what it served before.</summary>
    public bool Publish(AppDocument? document)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            if (latest is not null && latest.Document?.Hash == document?.Hash)
            {
                return false;
            }

            latest = new DocumentObservation(document, (latest?.Version ?? 0) + 1);
            signal = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.SetResult();
        return true;
    }

    /// <summary>The first observation newer than <paramref name="version"/> (0: the first of all).</summary>
    public async Task<DocumentObservation> WaitForNewerAsync(long version, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (latest is not null && latest.Version > version)
                {
                    return latest;
                }

                next = changed.Task;
            }

            await next.WaitAsync(cancellationToken);
        }
    }
}
