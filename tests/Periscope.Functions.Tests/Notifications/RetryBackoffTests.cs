using Microsoft.Extensions.Options;
using Periscope.Functions.Notifications;

namespace Periscope.Functions.Tests.Notifications;

public sealed class RetryBackoffTests
{
    [Fact]
    public void After_Attempts_DoublesWithinJitterAndCaps()
    {
        var backoff = new RetryBackoff(Options.Create(new NotificationOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(10) }));

        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(backoff.After(1).TotalSeconds, 0.5, 1);
            Assert.InRange(backoff.After(3).TotalSeconds, 2, 4);
            Assert.InRange(backoff.After(20).TotalSeconds, 5, 10);
        }
    }
}
