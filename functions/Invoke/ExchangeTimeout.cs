namespace Periscope.Functions.Invoke;

/// <summary>
/// How long the target may take to answer: the timeout runs until the response headers arrive and restarts
/// with every chunk of request body sent, so a large upload is cut off only when it stalls (an idle
/// timeout, like YARP's ActivityTimeout; the sidecar's forwarder does the same). Once the answer is in, the
/// body streams for as long as the caller keeps reading it (host.json's functionTimeout still applies).
/// </summary>
internal sealed class ExchangeTimeout(CancellationTokenSource call, TimeSpan timeout)
{
    private readonly Lock gate = new();
    private bool answered;

    public TimeSpan Timeout => timeout;

    public void Start() => call.CancelAfter(timeout);

    /// <summary>A chunk of the request body reached the sidecar.</summary>
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
            call.CancelAfter(System.Threading.Timeout.InfiniteTimeSpan);
        }
    }
}
