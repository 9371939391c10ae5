namespace Periscope.Functions.Notifications;

/// <summary>What an attempt came to.</summary>
internal enum DeliveryOutcome
{
    Delivered,

    /// <summary>Worth trying again: no answer, a 5xx, 429, or the robot's "too fast" code.</summary>
    Retry,

    /// <summary>Trying again would fail the same way: other 4xx, other robot codes, a bad address.</summary>
    Failed,
}
