using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Periscope.Functions.Access;
using Periscope.Functions.Store;
using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.Tests.Store.Sqlite;

public sealed class SqliteKeyStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("periscope-keys-");
    private readonly SqliteDatabase _database;
    private readonly SqliteKeyStore _store;

    public SqliteKeyStoreTests()
    {
        _database = new SqliteDatabase(Options.Create(new StoreOptions { DataDirectory = _directory.FullName }));
        _store = new SqliteKeyStore(_database);
    }

    public void Dispose()
    {
        _database.Dispose();
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task CreateAsync_NewKey_StoresHashAndSaltButNeverTheSecret()
    {
        var (key, token) = New(Role.Operator, scopes: ["default/orders"]);

        Assert.True(await _store.CreateAsync(key, default));

        var found = await _store.FindAsync(key.Id, default);
        Assert.Equal(key.Hash, found!.Hash);
        Assert.Equal(key.Salt, found.Salt);
        Assert.Equal((Role.Operator, "default/orders"), (found.Role, found.Scopes.Single()));
        // The secret is base64url and may itself contain '_': split it the way the authenticator does.
        Assert.True(ApiKeyTokens.TryParse(token, out _, out var secret));
        var row = await RawRowAsync(key.Id);
        Assert.DoesNotContain(secret, row, StringComparison.Ordinal);
        Assert.DoesNotContain(token, row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_TwoKeys_GetDifferentSalts()
    {
        var (first, _) = New(Role.Viewer);
        var (second, _) = New(Role.Viewer);
        await _store.CreateAsync(first, default);
        await _store.CreateAsync(second, default);

        var stored = await _store.ListAsync(new PageRequest(10, null), default);

        Assert.Equal(2, stored.Items.Select(key => Convert.ToHexString(key.Salt)).Distinct().Count());
    }

    [Fact]
    public async Task CreateAsync_IdTaken_ReturnsFalseAndKeepsTheFirst()
    {
        var (first, _) = New(Role.Viewer);
        await _store.CreateAsync(first, default);

        Assert.False(await _store.CreateAsync(first with { Name = "second" }, default));
        Assert.Equal("test", (await _store.FindAsync(first.Id, default))!.Name);
    }

    [Fact]
    public async Task RevokeAsync_ActiveKey_SetsRevokedAtOnce()
    {
        var (admin, _) = New(Role.Admin);
        var (viewer, _) = New(Role.Viewer);
        await _store.CreateAsync(admin, default);
        await _store.CreateAsync(viewer, default);

        var first = await _store.RevokeAsync(viewer.Id, Now, default);
        var again = await _store.RevokeAsync(viewer.Id, Now.AddHours(1), default);

        Assert.Equal((KeyRevocation.Revoked, KeyRevocation.AlreadyRevoked), (first, again));
        Assert.Equal(Now, (await _store.FindAsync(viewer.Id, default))!.RevokedAt);
        Assert.Equal(KeyRevocation.NotFound, await _store.RevokeAsync("0123456789ab", Now, default));
    }

    [Fact]
    public async Task RevokeAsync_LastActiveAdmin_IsRefusedUntilAnotherExists()
    {
        var (admin, _) = New(Role.Admin);
        var (owner, _) = New(Role.ClusterOwner);
        await _store.CreateAsync(admin, default);

        Assert.Equal(KeyRevocation.LastAdmin, await _store.RevokeAsync(admin.Id, Now, default));
        await _store.CreateAsync(owner, default);
        Assert.Equal(KeyRevocation.Revoked, await _store.RevokeAsync(admin.Id, Now, default));
        Assert.Equal(KeyRevocation.LastAdmin, await _store.RevokeAsync(owner.Id, Now, default));
    }

    [Fact]
    public async Task RevokeAsync_OtherAdminExpired_DoesNotCountAsRemaining()
    {
        var (admin, _) = New(Role.Admin);
        var (expired, _) = New(Role.Admin, expiresAt: Now.AddMinutes(-1));
        await _store.CreateAsync(admin, default);
        await _store.CreateAsync(expired, default);

        Assert.Equal(KeyRevocation.LastAdmin, await _store.RevokeAsync(admin.Id, Now, default));
        Assert.Equal(1, await _store.CountActiveAdminsAsync(Now, default));
        Assert.Equal(2, await _store.CountActiveAdminsAsync(Now.AddMinutes(-2), default));
    }

    [Fact]
    public async Task CreateIfNoActiveAdminAsync_AdminExists_StoresNothing()
    {
        var (first, _) = New(Role.Admin);
        var (second, _) = New(Role.Admin);

        Assert.True(await _store.CreateIfNoActiveAdminAsync(first, Now, default));
        Assert.False(await _store.CreateIfNoActiveAdminAsync(second, Now, default));
        Assert.Null(await _store.FindAsync(second.Id, default));
    }

    [Fact]
    public async Task ListAsync_Paged_WalksEveryKeyOldestFirst()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var (key, _) = New(Role.Viewer, createdAt: Now.AddSeconds(i));
            await _store.CreateAsync(key, default);
            ids.Add(key.Id);
        }

        var first = await _store.ListAsync(new PageRequest(2, null), default);
        var second = await _store.ListAsync(new PageRequest(2, first.Continue), default);
        var third = await _store.ListAsync(new PageRequest(2, second.Continue), default);

        Assert.Equal(ids, first.Items.Concat(second.Items).Concat(third.Items).Select(key => key.Id));
        Assert.Null(third.Continue);
        await Assert.ThrowsAsync<InvalidContinueTokenException>(() => _store.ListAsync(new PageRequest(2, "forged"), default));
    }

    [Fact]
    public async Task RecordUseAsync_OlderTime_DoesNotOverwriteNewer()
    {
        var (key, _) = New(Role.Viewer);
        await _store.CreateAsync(key, default);

        await _store.RecordUseAsync([new(key.Id, Now.AddMinutes(5))], default);
        await _store.RecordUseAsync([new(key.Id, Now.AddMinutes(1)), new("0123456789ab", Now)], default);

        Assert.Equal(Now.AddMinutes(5), (await _store.FindAsync(key.Id, default))!.LastUsedAt);
    }

    /// <summary>Every column of the key's row as text (blobs as ASCII and base64), as someone reading the file would see it.</summary>
    private async Task<string> RawRowAsync(string id)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM api_keys WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var text = new StringBuilder();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            text.Append(value is byte[] bytes ? Encoding.ASCII.GetString(bytes) + Convert.ToBase64String(bytes) : value.ToString()).Append('|');
        }

        return text.ToString();
    }

    private static (ApiKeyRecord Key, string Token) New(
        Role role, IReadOnlyList<string>? scopes = null, DateTimeOffset? expiresAt = null, DateTimeOffset? createdAt = null)
    {
        var generated = ApiKeyTokens.Generate();
        return (new ApiKeyRecord(
            generated.Id, "test", role, scopes ?? [], generated.Salt, generated.Hash, createdAt ?? Now, "tests", expiresAt, null, null), generated.Token);
    }
}
