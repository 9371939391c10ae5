namespace Periscope.Functions.Alerts;

/// <summary>An alert's states, as Alertmanager names them, and the history entries Periscope adds.</summary>
internal static class AlertState
{
    public const string Firing = "firing";
    public const string Resolved = "resolved";

    /// <summary>A history entry only: someone acknowledged the alert.</summary>
    public const string Acknowledged = "acknowledged";
}
