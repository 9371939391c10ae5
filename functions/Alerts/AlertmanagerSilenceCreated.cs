using System.Text.Json.Serialization;

namespace Periscope.Functions.Alerts;

/// <summary>Alertmanager's answer to <c>POST /api/v2/silences</c>.</summary>
internal sealed record AlertmanagerSilenceCreated([property: JsonPropertyName("silenceID")] string? SilenceId);
