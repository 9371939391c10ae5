using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Periscope.Functions.Access;
using Periscope.Functions.Store;
using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.Tests.Access;

public sealed class BootstrapAdminKeyTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("periscope-bootstrap-");
    private readonly SqliteDatabase _database;
    private readonly SqliteKeyStore _store;

    public BootstrapAdminKeyTests()
    {
        _database = new SqliteDatabase(Options.Create(new StoreOptions { DataDirectory = _data.FullName }));
        _store = new SqliteKeyStore(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task EnsureAsync_NoAdminAndNoBootstrapKey_PrintsOneWorkingAdminKeyOnce()
    {
        var bootstrap = Bootstrap(new AccessOptions());
        using var output = new StringWriter();

        var id = await bootstrap.EnsureAsync(output, default);
        var again = await bootstrap.EnsureAsync(output, default);

        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(BootstrapAdminKey.Announcement + "psk_", line, StringComparison.Ordinal);
        Assert.Null(again);
        var stored = await _store.FindAsync(id!, default);
        Assert.True(ApiKeyTokens.TryParse(line[BootstrapAdminKey.Announcement.Length..].TrimEnd(), out var printedId, out var secret));
        Assert.Equal(id, printedId);
        Assert.Equal(Role.Admin, stored!.Role);
        Assert.True(ApiKeyTokens.Verify(stored.Salt, secret, stored.Hash));
    }

    [Fact]
    public async Task EnsureAsync_BootstrapKeyConfigured_GeneratesNothing()
    {
        using var output = new StringWriter();

        var id = await Bootstrap(new AccessOptions { BootstrapKey = AccessHost.AdminKey }).EnsureAsync(output, default);

        Assert.Null(id);
        Assert.Empty(output.ToString());
        Assert.Equal(0, await _store.CountActiveAdminsAsync(DateTimeOffset.UtcNow, default));
    }

    [Fact]
    public async Task EnsureAsync_OnlyAdminRevokedOrExpired_GeneratesAnother()
    {
        var generated = ApiKeyTokens.Generate();
        var past = DateTimeOffset.UtcNow.AddDays(-1);
        await _store.CreateAsync(new ApiKeyRecord(generated.Id, "old", Role.ClusterOwner, [], generated.Salt, generated.Hash, past, "tests", past.AddHours(1), null, null), default);
        using var output = new StringWriter();

        var id = await Bootstrap(new AccessOptions()).EnsureAsync(output, default);

        Assert.NotNull(id);
        Assert.Contains(BootstrapAdminKey.Announcement, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_HostWithoutBootstrapKey_PrintsAKeyThatWorksAndNothingOnRestart()
    {
        var printed = await CaptureStandardOutputAsync(async () => await (await AccessHost.StartAsync(bootstrapKey: false, dataDirectory: _data.FullName)).DisposeAsync());
        var announced = printed.Split('\n').Single(line => line.StartsWith(BootstrapAdminKey.Announcement, StringComparison.Ordinal));
        var key = announced[BootstrapAdminKey.Announcement.Length..].Trim();

        string restartPrinted = "";
        await using var restarted = await CaptureAsync(async () => await AccessHost.StartAsync(bootstrapKey: false, dataDirectory: _data.FullName), text => restartPrinted = text);
        using var client = restarted.CreateClient(key);
        using var me = await client.GetAsync("/api/access/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var body = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        Assert.Equal("Admin", body.RootElement.GetProperty("role").GetString());
        Assert.DoesNotContain(BootstrapAdminKey.Announcement, restartPrinted, StringComparison.Ordinal);
        Assert.Equal(1, await restarted.Get<SqliteKeyStore>().CountActiveAdminsAsync(DateTimeOffset.UtcNow, default));
    }

    private BootstrapAdminKey Bootstrap(AccessOptions options) =>
        new(_store, Options.Create(options), TimeProvider.System, NullLogger<BootstrapAdminKey>.Instance);

    private static async Task<string> CaptureStandardOutputAsync(Func<Task> action)
    {
        var text = "";
        await CaptureAsync(async () => { await action(); return 0; }, captured => text = captured);
        return text;
    }

    /// <summary>
    /// Runs <paramref name="action"/> with standard output going to a buffer. Other tests may write to it
    /// meanwhile; only hosts started without a bootstrap key print the announcement, and only this class starts one.
    /// </summary>
    private static async Task<T> CaptureAsync<T>(Func<Task<T>> action, Action<string> captured)
    {
        var original = Console.Out;
        using var buffer = new StringWriter();
        Console.SetOut(TextWriter.Synchronized(buffer));
        try
        {
            return await action();
        }
        finally
        {
            Console.SetOut(original);
            captured(buffer.ToString());
        }
    }
}
