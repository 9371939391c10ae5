namespace Periscope.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Waits for a condition observed over the wire (a report landing, a document being re-read), polling
/// with a deadline. This is a readiness check, not a sleep: it returns as soon as the condition holds.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> Until<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (HttpRequestException exception)
            {
                last = exception;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Timed out waiting for {what}." + (last is null ? "" : $" Last error: {last.Message}"));
    }

    public static Task True(Func<Task<bool>> probe, string what, TimeSpan? timeout = null) =>
        Until<object>(async () => await probe() ? new object() : null, what, timeout);
}
