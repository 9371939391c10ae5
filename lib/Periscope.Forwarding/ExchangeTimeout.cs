namespace Periscope.Forwarding;

/// <summary>
/// How long the destination may take to answer: the timeout runs until the response headers arrive and
/// restarts with every chunk of request body sent, so a large upload is cut off only when it stalls
/// (an idle timeout, like YARP's ActivityTimeout), never while it moves. Once the answer is in, the
/// body streams for as long as it takes (the host's own limits aside, e.g. host.json's functionTimeout).
/// </summary>
/// <param name="call">Cancelled when the time is up; owned by the caller.</param>
/// <param name="timeout">The longest wait for the answer's headers, and the longest stall of an upload.</param>
public sealed class ExchangeTimeout(CancellationTokenSource call, TimeSpan timeout)
{
    private readonly Lock gate = new();
    private bool answered;

    public void Start() => call.CancelAfter(timeout);

    /// <summary>A chunk of the request body reached the destination.</summary>
    public void Restart()
    {
        lock (gate)
        {
            if (answered)
            {
                return;
            }

            try
            {
                call.CancelAfter(timeout);
            }
            catch (ObjectDisposedException)
            {
                // The exchange has ended; a late chunk has nothing left to keep alive.
            }
        }
    }

    /// <summary>The response headers arrived: no more timeout.</summary>
    public void Answered()
    {
        lock (gate)
        {
            answered = true;
            call.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }
}
