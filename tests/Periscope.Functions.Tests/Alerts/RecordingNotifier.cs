using System.Collections.Concurrent;
using Periscope.Functions.Alerts;

namespace Periscope.Functions.Tests.Alerts;

/// <summary>An <see cref="IAlertNotifier"/> that keeps every notice it is handed (functions/Notifications stands in for it in production).</summary>
internal sealed class RecordingNotifier : IAlertNotifier
{
    public ConcurrentQueue<AlertGroupNotice> Notices { get; } = new();

    public ValueTask NotifyAsync(AlertGroupNotice notice, CancellationToken cancellationToken)
    {
        Notices.Enqueue(notice);
        return ValueTask.CompletedTask;
    }

    /// <summary>The notices of one group.</summary>
    public List<AlertGroupNotice> For(string groupKey) => Notices.Where(notice => notice.GroupKey == groupKey).ToList();
}
