namespace Periscope.Functions.Alerts;

/// <summary>A silence's state in Alertmanager: <c>active</c>, <c>pending</c> or <c>expired</c>.</summary>
internal sealed record SilenceStatus(string State);
