namespace Periscope.Forwarding.Tests;

public sealed class ExchangeCancellationTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Start_NoAnswer_CancelsTheCall()
    {
        var call = ExchangeCancellation.Rent(TimeSpan.FromMilliseconds(20), CancellationToken.None);

        call.Start();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(TimeSpan.FromSeconds(10), call.Token));
        call.Return();
    }

    [Fact]
    public void ClientGoesAway_CancelsTheCall()
    {
        using var client = new CancellationTokenSource();
        var call = ExchangeCancellation.Rent(Long, client.Token);
        call.Start();

        client.Cancel();

        Assert.True(call.IsCancellationRequested);
        call.Return();
    }

    [Fact]
    public void Restart_AfterAnswered_DoesNotRearmTheTimeout()
    {
        var call = ExchangeCancellation.Rent(TimeSpan.FromMilliseconds(1), CancellationToken.None);

        call.Answered();
        call.Restart();

        // Re-armed, the 1 ms timer would cancel the token within a few ms; 200 ms is far past that.
        Assert.False(call.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200)));
        call.Return();
    }

    [Fact]
    public void Restart_AfterReturnedAsNotReusable_IsIgnored()
    {
        var call = ExchangeCancellation.Rent(Long, CancellationToken.None);
        call.Start();
        call.Return(reusable: false);

        call.Restart();
    }

    [Fact]
    public void Return_Uncancelled_SourcesAreReused()
    {
        // Other tests may rent and return from the shared pool at the same time, so not every rent gets the
        // source just returned; without a pool, every one would be new.
        var seen = new HashSet<ExchangeCancellation>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < 1_000; i++)
        {
            var call = ExchangeCancellation.Rent(Long, CancellationToken.None);
            call.Start();
            call.Return();
            seen.Add(call);
        }

        Assert.True(seen.Count < 100, $"{seen.Count} distinct sources for 1,000 rents");
    }

    [Fact]
    public void Return_ThenRentAgain_NeitherTheOldTimerNorTheOldClientCancelsIt()
    {
        using var firstClient = new CancellationTokenSource();
        var first = ExchangeCancellation.Rent(TimeSpan.FromMilliseconds(100), firstClient.Token);
        first.Start();
        first.Return();

        // Usually the same source (other tests share the pool).
        var second = ExchangeCancellation.Rent(Long, CancellationToken.None);
        firstClient.Cancel();

        // Left running by the reset, the first exchange's 100 ms timer would have fired by now.
        Assert.False(second.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(300)));
        second.Return();
    }

    [Fact]
    public void Return_AfterCancellation_IsNeverRentedAgain()
    {
        using var client = new CancellationTokenSource();
        var cancelled = ExchangeCancellation.Rent(Long, client.Token);
        client.Cancel();
        cancelled.Return();

        for (var i = 0; i < 200; i++)
        {
            var call = ExchangeCancellation.Rent(Long, CancellationToken.None);
            Assert.NotSame(cancelled, call);
            Assert.False(call.IsCancellationRequested);
            call.Return();
        }
    }
}
