namespace Periscope.Forwarding.Tests;

public sealed class ExchangeTimeoutTests
{
    [Fact]
    public async Task Start_NoAnswer_CancelsTheCall()
    {
        using var call = new CancellationTokenSource();
        var deadline = new ExchangeTimeout(call, TimeSpan.FromMilliseconds(20));

        deadline.Start();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(TimeSpan.FromSeconds(10), call.Token));
    }

    [Fact]
    public void Restart_AfterAnswered_DoesNotRearmTheTimeout()
    {
        using var call = new CancellationTokenSource();
        var deadline = new ExchangeTimeout(call, TimeSpan.FromMilliseconds(1));

        deadline.Answered();
        deadline.Restart();

        // Re-armed, the 1 ms timer would cancel the token within a few ms; 200 ms is far past that.
        Assert.False(call.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public void Restart_AfterTheCallWasDisposed_IsIgnored()
    {
        var call = new CancellationTokenSource();
        var deadline = new ExchangeTimeout(call, TimeSpan.FromSeconds(30));
        deadline.Start();
        call.Dispose();

        deadline.Restart();
    }
}
