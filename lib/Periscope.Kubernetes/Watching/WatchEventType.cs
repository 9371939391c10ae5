namespace Periscope.Kubernetes.Watching;

/// <summary>The watch event types of API concepts, "Efficient detection of changes", plus <see cref="Synced"/>.</summary>
internal enum WatchEventType
{
    Added,
    Modified,
    Deleted,

    /// <summary>Only a newer resourceVersion to resume from; the object carries nothing else.</summary>
    Bookmark,

    /// <summary>
    /// Client-side: the Added events since the previous <see cref="Synced"/> (or the start) were a full
    /// list. After a re-list (410 Gone) objects not in it were deleted while the watch was away.
    /// </summary>
    Synced,
}
