using Periscope.Functions.Alerts;

namespace Periscope.Functions.Notifications;

/// <summary>A pending outbox row: one (channel, group notice) pair and the attempts made so far.</summary>
internal sealed record OutboxEntry(long Id, string Channel, AlertGroupNotice Notice, int Attempts, DateTimeOffset CreatedAt);
