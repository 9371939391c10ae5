namespace Periscope.Kubernetes.Emulator.Logs;

/// <summary>Container log lines per (namespace, pod, container, previous instance), with a signal for followers.</summary>
internal sealed class PodLogStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, string, string, bool), List<(DateTimeOffset Time, string Text)>> _lines = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Append(string ns, string pod, string container, string line, bool previous)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            var key = (ns, pod, container, previous);
            if (!_lines.TryGetValue(key, out var lines))
            {
                _lines[key] = lines = [];
            }

            lines.Add((DateTimeOffset.UtcNow, line));
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Lines from index <paramref name="from"/> on, and a task that completes at the next append anywhere.</summary>
    public (IReadOnlyList<(DateTimeOffset Time, string Text)> Lines, Task Changed) Read(string ns, string pod, string container, bool previous, int from)
    {
        lock (_gate)
        {
            var lines = _lines.TryGetValue((ns, pod, container, previous), out var all) ? all.Skip(from).ToList() : [];
            return (lines, _changed.Task);
        }
    }
}
