namespace Periscope.Webhook.Admission;

/// <summary>The body is not an AdmissionReview this webhook can answer; the host answers 4xx with <see cref="Exception.Message"/>.</summary>
/// <param name="reason">A short, bounded label for <c>periscope_webhook_malformed_requests_total{reason}</c>.</param>
/// <param name="detail">What is wrong and what was expected, for the problem's <c>detail</c>.</param>
internal sealed class MalformedReviewException(string reason, string detail) : Exception(detail)
{
    public string Reason { get; } = reason;
}
