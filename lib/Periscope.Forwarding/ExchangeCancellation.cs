using System.Collections.Concurrent;

namespace Periscope.Forwarding;

/// <summary>
/// Cancels one exchange with a destination: when the client goes away (the token it is rented with), or when the
/// destination takes too long to answer. The timeout runs until the response headers arrive and restarts with
/// every chunk of request body sent, so a large upload is cut off only when it stalls (an idle timeout, like
/// YARP's ActivityTimeout), never while it moves. Once the answer is in, the body streams for as long as it takes
/// (the host's own limits aside, e.g. host.json's functionTimeout).
/// </summary>
/// <remarks>
/// Sources are pooled, as YARP pools its ActivityCancellationTokenSource (microsoft/reverse-proxy,
/// src/ReverseProxy/Utilities/ActivityCancellationTokenSource.cs): a linked source per request, its registration, its
/// timer and a lock were 8% of the bytes a forwarded request allocated. <see cref="Return"/> it when the exchange
/// is over, after every user of its token has stopped (the request body's copy included); a source that was
/// cancelled is disposed instead of pooled.
/// </remarks>
public sealed class ExchangeCancellation : CancellationTokenSource
{
    private const int MaxPooled = 1024;
    private static readonly ConcurrentQueue<ExchangeCancellation> Pool = new();
    private static readonly Action<object?> CancelFromClient = static state => ((ExchangeCancellation)state!).Cancel(throwOnFirstException: false);
    private static int pooled;

    private readonly Lock gate = new();
    private TimeSpan timeout;
    private CancellationTokenRegistration client;
    private bool answered;

    private ExchangeCancellation()
    {
    }

    /// <param name="timeout">The longest wait for the answer's headers, and the longest stall of an upload.</param>
    /// <param name="clientGone">Cancelled when the client goes away.</param>
    public static ExchangeCancellation Rent(TimeSpan timeout, CancellationToken clientGone)
    {
        if (Pool.TryDequeue(out var source))
        {
            Interlocked.Decrement(ref pooled);
        }
        else
        {
            source = new ExchangeCancellation();
        }

        source.timeout = timeout;
        source.answered = false;
        source.client = clientGone.UnsafeRegister(CancelFromClient, source);
        return source;
    }

    /// <summary>The request is on its way: the timeout starts.</summary>
    public void Start() => CancelAfter(timeout);

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
                CancelAfter(timeout);
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
            CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The exchange is over: back to the pool if it was never cancelled, else disposed.</summary>
    /// <param name="reusable">False when something may still use the token (a request body's copy that has not
    /// stopped): the source is disposed, never handed to another exchange.</param>
    public void Return(bool reusable = true)
    {
        // Waits for a cancellation from the client that is running now.
        client.Dispose();
        if (!reusable)
        {
            Dispose();
            return;
        }

        bool reset;
        lock (gate)
        {
            // Stops the timer and drops every registration on the token.
            reset = TryReset();
        }

        if (reset)
        {
            if (Interlocked.Increment(ref pooled) <= MaxPooled)
            {
                Pool.Enqueue(this);
                return;
            }

            Interlocked.Decrement(ref pooled);
        }

        Dispose();
    }
}
