using Periscope.Functions.Alerts;

namespace Periscope.Functions.Notifications;

/// <summary>A notice, cut down to the alerts a channel's route admits, waiting to be sent to that channel.</summary>
internal sealed record OutboxItem(string Channel, AlertGroupNotice Notice);
