using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Periscope.Functions.Access;
using Periscope.Functions.Store;
using Periscope.Functions.Store.Sqlite;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Access;

public sealed class KeyUsageRecorderTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    [Fact]
    public async Task Touch_KeyUsedThroughTheHost_WritesLastUsedAt()
    {
        var (id, key) = await fixture.Host.CreateKeyAsync(Role.Viewer, "used");
        var store = fixture.Host.Get<IKeyStore>();
        Assert.Null((await store.FindAsync(id, default))!.LastUsedAt);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var client = fixture.Host.CreateClient(key);

        (await client.GetAsync("/api/access/me")).EnsureSuccessStatusCode().Dispose();

        await Eventually.TrueAsync(async () => (await store.FindAsync(id, default))!.LastUsedAt >= before, $"last_used_at of {id} to be written");
    }

    [Fact]
    public void Touch_SameKeyWithinInterval_IsCoalesced()
    {
        var directory = Directory.CreateTempSubdirectory("periscope-usage-");
        try
        {
            using var database = new SqliteDatabase(Options.Create(new StoreOptions { DataDirectory = directory.FullName }));
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
            using var recorder = new KeyUsageRecorder(new SqliteKeyStore(database), clock, NullLogger<KeyUsageRecorder>.Instance);

            var first = recorder.Touch("0123456789ab");
            clock.Advance(KeyUsageRecorder.Interval - TimeSpan.FromSeconds(1));
            var withinInterval = recorder.Touch("0123456789ab");
            var otherKey = recorder.Touch("ba9876543210");
            clock.Advance(TimeSpan.FromSeconds(1));
            var afterInterval = recorder.Touch("0123456789ab");

            Assert.Equal((true, false, true, true), (first, withinInterval, otherKey, afterInterval));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
