namespace Periscope.Functions.Alerts;

/// <summary>The answer to <c>POST /api/alerts/silences</c>: Alertmanager's id of the new silence, and what was sent.</summary>
internal sealed record SilenceCreated(string Id, AlertmanagerSilencePost Silence);
