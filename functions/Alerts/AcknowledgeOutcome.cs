namespace Periscope.Functions.Alerts;

/// <summary>What <see cref="IAlertStore.AcknowledgeAsync"/> did.</summary>
internal enum AcknowledgeOutcome
{
    Acknowledged,

    /// <summary>It already was: the first acknowledgement stands.</summary>
    AlreadyAcknowledged,

    /// <summary>It has resolved: there is nothing left to acknowledge.</summary>
    Resolved,

    NotFound,
}
