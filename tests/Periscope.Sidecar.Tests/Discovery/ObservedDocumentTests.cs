using Periscope.Sidecar.Discovery;

namespace Periscope.Sidecar.Tests.Discovery;

public sealed class ObservedDocumentTests
{
    private static AppDocument Document(string hash, string? etag = null) =>
        new("/openapi.json", "application/json", "{}", hash, etag, 2);

    [Fact]
    public void Publish_SameHashAgain_IsNoNews()
    {
        var observed = new ObservedDocument();

        Assert.True(observed.Publish(Document("sha256:a")));
        Assert.False(observed.Publish(Document("sha256:a", etag: "\"v2\"")));
        Assert.Equal(1, observed.Latest!.Version);
    }

    [Fact]
    public void Publish_NoDocumentAfterADocument_IsNews()
    {
        var observed = new ObservedDocument();
        observed.Publish(Document("sha256:a"));

        Assert.True(observed.Publish(null));
        Assert.False(observed.Publish(null));
        Assert.Null(observed.Latest!.Document);
        Assert.Equal(2, observed.Latest.Version);
    }

    [Fact]
    public async Task WaitForNewerAsync_BeforeFirstPublish_CompletesWithIt()
    {
        var observed = new ObservedDocument();
        var waiting = observed.WaitForNewerAsync(0, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        observed.Publish(null);

        var observation = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, observation.Version);
    }

    [Fact]
    public async Task WaitForNewerAsync_AlreadyNewer_CompletesAtOnce()
    {
        var observed = new ObservedDocument();
        observed.Publish(Document("sha256:a"));
        observed.Publish(Document("sha256:b"));

        var observation = await observed.WaitForNewerAsync(1, CancellationToken.None);

        Assert.Equal("sha256:b", observation.Document!.Hash);
    }

    [Fact]
    public async Task WaitForNewerAsync_Cancelled_Throws()
    {
        var observed = new ObservedDocument();
        using var cancellation = new CancellationTokenSource();
        var waiting = observed.WaitForNewerAsync(0, cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
