using Microsoft.Extensions.Options;

namespace Periscope.Functions.Notifications;

/// <summary>
/// Exponential backoff with "equal jitter": half the capped exponential delay, plus a random part of the other
/// half, so retries of many channels after one outage spread out instead of arriving together
/// (aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter).
/// </summary>
internal sealed class RetryBackoff(IOptions<NotificationOptions> options)
{
    public TimeSpan After(int attempt)
    {
        var settings = options.Value;
        var exponential = settings.InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, settings.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }
}
