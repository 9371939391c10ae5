using System.Text.Json.Serialization;

namespace Periscope.Functions.Notifications;

/// <summary>One try at sending a message to a channel.</summary>
/// <param name="Time">When it started.</param>
/// <param name="Channel">The channel's name.</param>
/// <param name="Attempt">1 for the first try of an entry, 2 for its first retry, …</param>
/// <param name="Outcome"><c>delivered</c>, <c>retry</c> or <c>failed</c>.</param>
/// <param name="StatusCode">The HTTP status, or the SMTP reply code; null when no answer came.</param>
/// <param name="ErrCode">The robot's <c>errcode</c> (DingTalk, WeCom) or <c>code</c> (Feishu) when it sent one.</param>
/// <param name="Error">What went wrong, scrubbed of the channel's URL and secret.</param>
/// <param name="LatencyMs">How long the attempt took.</param>
internal sealed record DeliveryAttempt(
    DateTimeOffset Time,
    string Channel,
    int Attempt,
    string Outcome,
    int? StatusCode,
    [property: JsonPropertyName("errcode")] long? ErrCode,
    string? Error,
    double LatencyMs);
