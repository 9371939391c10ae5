namespace Periscope.Functions.Notifications;

/// <summary>One attempt's result, as a sender reports it.</summary>
internal sealed record DeliveryResult(DeliveryOutcome Outcome, int? StatusCode, long? ErrCode, string? Error)
{
    public static string OutcomeName(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Delivered => "delivered",
        DeliveryOutcome.Retry => "retry",
        _ => "failed",
    };
}
