namespace Periscope.Kubernetes.Resources;

/// <summary>
/// The union of ContainerStateWaiting, ContainerStateRunning and ContainerStateTerminated:
/// the three share reason/message/startedAt, so one type reads all of them.
/// </summary>
internal sealed class ContainerStateDetail
{
    public string? Reason { get; set; }

    public string? Message { get; set; }

    public int? ExitCode { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
